// The soak (scripts/soak [seconds], default 600): the soak page (tests/js/pages/soak.js)
// in headless Chromium runs every feature at once against the fault-injecting server
// (tests/js/lib/soak-server.mjs) for the given time, then the checks below run on the
// server's log and the page's records. Prints the figures; exits 1 on a violated check.
// Not part of scripts/test (see docs/development.md, "Soak").
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { soakServer } from "../lib/soak-server.mjs";

const seconds = Number(process.argv[2] ?? 600);
if (!(seconds >= 10)) {
  console.error("scripts/soak: the duration is at least 10 seconds");
  process.exit(2);
}
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1e9);
const durationMs = seconds * 1000;
// Memory is compared between the end of the warm-up and the end of the run: by then the
// analytics queue has met its worst backlog (events held through 30 s backoffs, up to
// maxQueue) and the modules' memories their high-water marks.
const warmupMs = Math.max(10000, Math.min(120000, durationMs / 3));
const HEAP_SLACK = (start) => Math.max(2 * 1024 * 1024, start * 0.1);
const WASM_SLACK = 64 * 1024; // one page
// The server's clock adds each request's transit and event-loop delay: 32 ms was seen on
// this 2-core machine under a load average of 7. The page's clock is the exact check.
const SERVER_SPACING_SLACK_MS = 250;

const server = await soakServer({ dir: await bundlePage("soak"), seed });
const browser = await launch(["--enable-precise-memory-info"]);
const { page, context, log } = await newPage(browser);
const consoleTexts = [];
page.on("console", (m) => consoleTexts.push(m.text()));
const cdp = await context.newCDPSession(page);
const failures = [];
const fail = (what) => failures.push(what);

async function memory() {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const m = await page.evaluate(() => window.soak.memory());
  return { heap: usedSize, wasm: m.wasm, at: Date.now() };
}

const t0 = Date.now();
let report, metrics, start, warm, end;
const samples = [];
try {
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.soakReady === true);
  const config = await page.evaluate(() => window.soak.config);
  await page.evaluate(() => window.soak.start());
  await new Promise((r) => setTimeout(r, 1000));
  start = await memory();
  await new Promise((r) => setTimeout(r, warmupMs));
  warm = await memory();
  samples.push(warm);
  const every = Math.max(10000, (durationMs - warmupMs) / 10);
  while (Date.now() - t0 < durationMs) {
    await new Promise((r) => setTimeout(r, Math.min(every, durationMs - (Date.now() - t0))));
    if (Date.now() - t0 < durationMs - 1000) samples.push(await memory());
  }
  // Stop the loops (the calls in flight settle), then drain analytics with no faults.
  const stopped = await Promise.race([
    page.evaluate(() => window.soak.stop()).then(() => true),
    new Promise((r) => setTimeout(() => r(false), 60000)),
  ]);
  if (!stopped) fail("the page's calls did not settle within 60 s of the end");
  server.calm();
  metrics = await page.evaluate(() => window.soak.drain());
  end = await memory();
  samples.push(end);
  report = await page.evaluate(() => window.soak.report());
  report.config = config;
} finally {
  await context.close().catch(() => {});
  await browser.close().catch(() => {});
  await server.close();
}
const elapsed = (Date.now() - t0) / 1000;

// 1. Nothing hung, no page errors.
for (const v of report.violations) fail(v);
for (const e of log.pageErrors) fail(`page error: ${e.slice(0, 200)}`);

// 2. The refresh guard: a secret fetch's first request (the app token is asked once per
// fetch, so a new Authorization is a new fetch) at least guardMs after the previous one.
const guard = report.config.guardMs;
const firsts = (list) => {
  const seen = new Set();
  return list.filter((r) => r.auth && !seen.has(r.auth) && seen.add(r.auth)).map((r) => r.at);
};
const minSpacing = (times) => times.slice(1).reduce((m, t, i) => Math.min(m, t - times[i]), Infinity);
const pageFirsts = firsts(report.sent);
const secretLog = server.log.filter((e) => e.path.startsWith("/api/chatkit/"));
const serverFirsts = firsts(secretLog);
const pageSpacing = minSpacing(pageFirsts);
const serverSpacing = minSpacing(serverFirsts);
// The page's clock is the one the facade reads (Date.now(), to the millisecond).
if (pageSpacing < guard - 1) fail(`secret fetches ${pageSpacing} ms apart on the page (guard ${guard} ms)`);
if (serverSpacing < guard - SERVER_SPACING_SLACK_MS) fail(`secret fetches ${serverSpacing} ms apart at the server (guard ${guard} ms)`);
if (pageFirsts.length < 2) fail("fewer than two secret fetches: the guard was not exercised");

// 3. One outcome per tool call.
const t = report.tools;
if (t.settled !== t.calls) fail(`tool calls: ${t.calls} dispatched, ${t.settled} settled`);
if (t.starts !== t.calls || t.ends !== t.calls || t.open !== 0) fail(`tool events: ${t.calls} calls, ${t.starts} starts, ${t.ends} ends, ${t.open} open`);
const timeouts = t.outcomes.timeout ?? 0;
if (t.lateEvents > timeouts) fail(`${t.lateEvents} late tool events for ${timeouts} timeouts`);

// 4. Every analytics event delivered or counted as dropped, none twice.
const delivered = server.delivered.size;
const duplicates = [...server.delivered.values()].filter((n) => n > 1).length;
if (metrics.queued !== 0) fail(`analytics: ${metrics.queued} events still queued after the drain`);
if (delivered + metrics.dropped !== report.analytics.recorded) {
  fail(`analytics: ${report.analytics.recorded} recorded, ${delivered} delivered + ${metrics.dropped} dropped`);
}
if (delivered !== metrics.sent) fail(`analytics: the server has ${delivered} events, the page counts ${metrics.sent} sent`);
if (duplicates) fail(`analytics: ${duplicates} events delivered more than once`);

// 5. No secret anywhere: errors and events (scanned on the page as they happened), the
// console, page errors, and every analytics body the server received.
const SECRET = /ek_soak_|tok-soak-|tok-app-/;
const appTokens = new Set(secretLog.map((e) => e.auth).filter(Boolean));
for (const leak of report.leaks) fail(`a secret in an error or event: ${leak.slice(0, 120)}`);
const outside = [...consoleTexts, ...log.pageErrors, ...server.bodies].filter((x) => SECRET.test(x));
for (const leak of outside.slice(0, 5)) fail(`a secret in the console or an analytics body: ${leak.slice(0, 120)}`);
if (appTokens.size < 2 || server.issuedSecrets.length < 2) fail("too few secrets handed out to check for leaks");

// 6. Flat memory: JS heap (after a full GC) and each module's wasm memory, warm-up to end.
if (end.heap > warm.heap + HEAP_SLACK(warm.heap)) fail(`JS heap grew from ${mb(warm.heap)} to ${mb(end.heap)}`);
for (const [name, bytes] of Object.entries(end.wasm)) {
  const from = warm.wasm[name] ?? 0;
  if (bytes > from + WASM_SLACK) fail(`${name} wasm memory grew from ${kb(from)} to ${kb(bytes)}`);
}

function mb(n) {
  return `${(n / 1048576).toFixed(2)} MB`;
}
function kb(n) {
  return `${(n / 1024).toFixed(0)} KB`;
}
const byKind = (prefix) =>
  Object.entries(server.faults)
    .filter(([k]) => k.startsWith(prefix + ":"))
    .map(([k, n]) => `${k.slice(prefix.length + 1)} ${n}`)
    .join(", ");
const list = (o) =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
const paths = {};
for (const e of server.log) paths[e.path] = (paths[e.path] || 0) + 1;

console.log(`== soak: ${seconds} s asked, ${elapsed.toFixed(0)} s run (warm-up ${warmupMs / 1000} s, drain included), seed ${seed}`);
console.log(`requests served: ${server.log.length} (${list(paths)})`);
console.log(`  secrets   faults: ${byKind("secrets")}`);
console.log(`  stream    faults: ${byKind("stream")}`);
console.log(`  analytics faults: ${byKind("analytics")}`);
console.log(`secrets: ${report.secrets.calls} getClientSecret calls: ${list(report.secrets.outcomes)}; ${server.issuedSecrets.length} secrets issued; ${pageFirsts.length} fetches, min spacing ${pageSpacing} ms on the page, ${serverSpacing} ms at the server (guard ${guard} ms)`);
console.log(`auth fetch: ${report.fetches.calls} requests: ${list(report.fetches.outcomes)}; ${report.fetches.chunks} chunks; ${server.issuedTokens.length} tokens issued`);
console.log(`tools: ${t.calls} calls, ${t.settled} settled: ${list(t.outcomes)}; ${t.lateEvents} late; ${t.aborted} handlers saw their signal aborted`);
console.log(`analytics: ${report.analytics.recorded} events recorded, ${delivered} delivered, ${metrics.dropped} dropped, ${metrics.queued} queued, ${duplicates} duplicates; onError: ${list(report.analytics.errors) || "none"}`);
for (const [k, m] of Object.entries(report.analytics.messages)) console.log(`  onError ${k}: ${m}`);
console.log(`secret scan: ${report.scanned} errors and events, ${consoleTexts.length} console messages, ${server.bodies.length} analytics bodies; ${report.leaks.length + outside.length} with a secret`);
console.log(`JS heap (after GC): ${mb(start.heap)} at 1 s, ${mb(warm.heap)} after warm-up, ${mb(end.heap)} at the end (samples: ${samples.map((s) => mb(s.heap)).join(", ")})`);
console.log(`wasm memory samples (KB, ${Object.keys(end.wasm).sort().join(" ")}): ${samples.map((s) => Object.keys(end.wasm).sort().map((n) => ((s.wasm[n] ?? 0) / 1024).toFixed(0)).join("/")).join(", ")}`);
console.log(`wasm memory (at 1 s / after warm-up / end): ${Object.keys(end.wasm).sort().map((n) => `${n} ${kb(start.wasm[n] ?? 0)} / ${kb(warm.wasm[n] ?? 0)} / ${kb(end.wasm[n])}`).join(", ")}`);
if (failures.length) {
  console.log(`\nFAILED: ${failures.length} check(s)`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log("\nall checks passed");
