// The soak (scripts/soak [seconds], default 600): the soak page (tests/js/pages/soak.js)
// in headless Chromium runs every feature at once against the fault-injecting server
// (tests/js/lib/soak-server.mjs) for the given time, then the checks below run on the
// server's log and the page's records. Near the end, the trap phase runs beside it: for
// each module in turn, a tab of its own (tests/js/pages/soak-trap.js, with a server of
// its own) runs every feature, makes that module trap and checks what settles how.
// Prints the figures; exits 1 on a violated check. Not part of scripts/test (see
// docs/development.md, "Soak"). SOAK_TRAPS=secrets,tools picks the modules to trap.
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { FORCED_SECRET_FAULTS, soakServer } from "../lib/soak-server.mjs";
import { checkSecretOps } from "./secret-ops.mjs";

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
// The trap phase: each tab runs this long before its module traps, and this long after
// (then until every other feature has had a success after the trap, up to TRAP_WAIT_MS:
// the tab's own faults can fail every call of a feature for a few seconds).
const TRAP_MODULES = (process.env.SOAK_TRAPS ?? "secrets,auth_fetch,tools,analytics").split(",").filter(Boolean);
const FEATURES = { secrets: "secrets", auth_fetch: "fetch", tools: "tools", analytics: "analytics" };
for (const m of TRAP_MODULES) {
  if (!FEATURES[m]) {
    console.error(`scripts/soak: SOAK_TRAPS: no module ${m} (${Object.keys(FEATURES).join(", ")})`);
    process.exit(2);
  }
}
const TRAP_BEFORE_MS = 4000;
const TRAP_AFTER_MS = 6000;
const TRAP_WAIT_MS = 30000;
const TRAP_TAB_MS = TRAP_BEFORE_MS + TRAP_AFTER_MS + 4000;
const trapStartMs = Math.max(warmupMs + 2000, durationMs - TRAP_MODULES.length * TRAP_TAB_MS - 5000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await soakServer({ dir: await bundlePage("soak"), seed });
const trapDir = await bundlePage("soak-trap");
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

/** One trap tab: every feature at work, then `module` traps; what the checks need. */
async function trapRun(module, k) {
  const srv = await soakServer({ dir: trapDir, seed: seed + k + 1, forceSecretFaults: false });
  const { page, context, log } = await newPage(browser);
  const texts = [];
  page.on("console", (m) => texts.push(m.text()));
  const result = { module, log, texts, server: srv };
  try {
    await page.goto(srv.url + "/");
    await page.waitForFunction(() => window.trapTabReady === true);
    await page.evaluate(() => window.trapTab.start());
    await sleep(TRAP_BEFORE_MS);
    result.modules = await page.evaluate(() => window.trapTab.modules());
    await page.evaluate((m) => window.trapTab.arm(m), module);
    await page.waitForFunction(() => window.trapTab.fired(), null, { timeout: 30000 }).catch(() => {});
    await sleep(TRAP_AFTER_MS);
    const deliveredAfter = async () => {
      const firedTime = await page.evaluate(() => window.trapTab.firedTime());
      return srv.log.some((e) => e.path === "/api/collect" && e.fault === "ok" && srv.started + e.at > firedTime);
    };
    const waitEnd = Date.now() + TRAP_WAIT_MS;
    while (Date.now() < waitEnd) {
      const ok = await page.evaluate((m) => window.trapTab.othersOk(m), module);
      if (ok && (module === "analytics" || (await deliveredAfter()))) break;
      await sleep(500);
    }
    result.unsettled = await Promise.race([page.evaluate(() => window.trapTab.stop()), sleep(90000).then(() => "the loops")]);
    result.report = await page.evaluate(() => window.trapTab.report());
  } catch (error) {
    result.error = String(error?.stack || error).slice(0, 300);
  } finally {
    await context.close().catch(() => {});
    await srv.close();
  }
  return result;
}

const t0 = Date.now();
let report, metrics, start, warm, end;
const samples = [];
const traps = [];
// Beside the main page, near the end: one trap tab after another (none once the main
// page has failed).
let cancelTraps;
const cancelled = new Promise((resolve) => (cancelTraps = () => resolve(true)));
const trapPhase = (async () => {
  if (await Promise.race([sleep(trapStartMs - (Date.now() - t0)).then(() => false), cancelled])) return;
  for (const [k, m] of TRAP_MODULES.entries()) traps.push(await trapRun(m, k));
})();
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
  await trapPhase;
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
  cancelTraps();
  await trapPhase.catch(() => {});
  await context.close().catch(() => {});
  await browser.close().catch(() => {});
  await server.close();
}
const elapsed = (Date.now() - t0) / 1000;

// 1. Nothing hung, no page errors.
for (const v of report.violations) fail(v);
for (const e of log.pageErrors) fail(`page error: ${e.slice(0, 200)}`);

// 2. Secret operations as the contract has them (tests/js/soak/secret-ops.mjs): each
// answer followed by the request the contract asks for, or the end it says, 401/403 and
// already-expired secrets included; the loop recovering after `unauthorized`. Each call's
// outcome is its operation's (checked on the page, as a violation above).
const secretLog = server.log.filter((e) => e.path.startsWith("/api/chatkit/"));
const ops = checkSecretOps(report.sent, secretLog, report.config.secrets);
for (const v of ops.violations.slice(0, 10)) fail(v);
if (process.env.SOAK_VERBOSE) for (const line of ops.lines) console.log(line);
if (ops.violations.length > 10) fail(`... and ${ops.violations.length - 10} more secret operation violations`);
// Each is injected early (every second secret request): a minute is enough for all.
const secretKinds = Object.keys(server.faults).filter((k) => k.startsWith("secrets:"));
for (const kind of seconds >= 60 ? FORCED_SECRET_FAULTS : []) {
  if (!secretKinds.includes(`secrets:${kind}`)) fail(`the secret fault ${kind} was never injected`);
}

// 3. The refresh guard: the requests it counts (an operation's first, and the one after an
// unusable secret) at least guardMs apart.
const guard = report.config.guardMs;
const minSpacing = (times) => times.slice(1).reduce((m, t, i) => Math.min(m, t - times[i]), Infinity);
const pageSpacing = minSpacing(ops.guarded.map((g) => g.page));
const serverSpacing = minSpacing(ops.guarded.filter((g) => g.server !== undefined).map((g) => g.server));
if (process.env.SOAK_VERBOSE) {
  for (const [i, g] of ops.guarded.entries()) {
    const p = ops.guarded[i - 1];
    if (p) console.log(`guard pair ${p.seq}->${g.seq}: page ${g.page - p.page} ms, server ${g.server - p.server} ms`);
  }
}
// The page's clock is the one the facade reads (Date.now(), to the millisecond).
if (pageSpacing < guard - 1) fail(`secret fetches ${pageSpacing} ms apart on the page (guard ${guard} ms)`);
if (serverSpacing < guard - SERVER_SPACING_SLACK_MS) fail(`secret fetches ${serverSpacing} ms apart at the server (guard ${guard} ms)`);
if (ops.guarded.length < 2) fail("fewer than two secret fetches: the guard was not exercised");
// Any two secret requests (retries and the 401 sequence included): the least gap, shown.
const allSpacing = minSpacing(report.sent.filter((x) => x.seq).map((x) => x.at));

// 4. One outcome per tool call.
const t = report.tools;
if (t.settled !== t.calls) fail(`tool calls: ${t.calls} dispatched, ${t.settled} settled`);
if (t.starts !== t.calls || t.ends !== t.calls || t.open !== 0) fail(`tool events: ${t.calls} calls, ${t.starts} starts, ${t.ends} ends, ${t.open} open`);
const timeouts = t.outcomes.timeout ?? 0;
if (t.lateEvents > timeouts) fail(`${t.lateEvents} late tool events for ${timeouts} timeouts`);

// 5. Every analytics event delivered or counted as dropped, none twice.
const delivered = server.delivered.size;
const duplicates = [...server.delivered.values()].filter((n) => n > 1).length;
if (metrics.queued !== 0) fail(`analytics: ${metrics.queued} events still queued after the drain`);
if (delivered + metrics.dropped !== report.analytics.recorded) {
  fail(`analytics: ${report.analytics.recorded} recorded, ${delivered} delivered + ${metrics.dropped} dropped`);
}
if (delivered !== metrics.sent) fail(`analytics: the server has ${delivered} events, the page counts ${metrics.sent} sent`);
if (duplicates) fail(`analytics: ${duplicates} events delivered more than once`);

// 6. No secret anywhere: errors and events (scanned on the page as they happened), the
// console, page errors, and every analytics body the server received.
const SECRET = /ek_soak_|tok-soak-|tok-app-/;
const appTokens = new Set(secretLog.map((e) => e.auth).filter(Boolean));
const trapTexts = traps.flatMap((t) => [...t.texts, ...t.log.pageErrors, ...t.server.bodies]);
const trapLeaks = traps.flatMap((t) => t.report?.leaks ?? []);
for (const leak of [...report.leaks, ...trapLeaks]) fail(`a secret in an error or event: ${leak.slice(0, 120)}`);
const outside = [...consoleTexts, ...log.pageErrors, ...server.bodies, ...trapTexts].filter((x) => SECRET.test(x));
for (const leak of outside.slice(0, 5)) fail(`a secret in the console or an analytics body: ${leak.slice(0, 120)}`);
if (appTokens.size < 2 || server.issuedSecrets.length < 2) fail("too few secrets handed out to check for leaks");

// 7. Flat memory: JS heap (after a full GC) and each module's wasm memory, warm-up to end.
if (end.heap > warm.heap + HEAP_SLACK(warm.heap)) fail(`JS heap grew from ${mb(warm.heap)} to ${mb(end.heap)}`);
for (const [name, bytes] of Object.entries(end.wasm)) {
  const from = warm.wasm[name] ?? 0;
  if (bytes > from + WASM_SLACK) fail(`${name} wasm memory grew from ${kb(from)} to ${kb(bytes)}`);
}

// 8. The trap phase, per trapped module: the trap fired once and the module was not
// called again; every call of its feature pending at the trap or made after it settled
// with `internal`, once; no call hung; the other features' calls made after it include
// successes and no `internal`; analytics still delivered (another module trapped); the
// trap logged once to the console and reported once to analytics' onError.
const trapLines = [];
for (const tr of traps) {
  const m = tr.module;
  const feature = FEATURES[m];
  const r = tr.report;
  const where = `trap ${m}`;
  if (tr.error || !r) {
    fail(`${where}: ${tr.error ?? "no report"}`);
    continue;
  }
  for (const e of tr.log.pageErrors) fail(`${where}: page error: ${e.slice(0, 200)}`);
  for (const v of r.violations) fail(`${where}: ${v}`);
  if (tr.unsettled) fail(`${where}: ${tr.unsettled} calls unsettled at the end`);
  const fired = r.trap.firedAt;
  if (!fired) {
    fail(`${where}: ${r.trap.export} was never called after it was armed (modules loaded: ${tr.modules?.join(", ")})`);
    continue;
  }
  if (r.trap.fired !== 1) fail(`${where}: the module was called ${r.trap.fired - 1} more times after its trap`);
  const mine = r.calls[feature];
  // An auth fetch's call settles when it resolves with its response (`h`); a body being
  // read at the trap is not a pending call (it reads on without the module).
  const settledAt = (c) => c.h ?? c.e;
  const pending = mine.filter((c) => c.s < fired && settledAt(c) > fired);
  const later = mine.filter((c) => c.s > fired);
  const reading = mine.filter((c) => c.h && c.h < fired && c.e > fired);
  const wrong = [...pending, ...later].filter((c) => c.o !== "internal");
  if (wrong.length) {
    // Settled in the trap's own task (before its microtasks ran out) or later.
    const early = wrong.filter((c) => !r.trap.afterFire || settledAt(c) < r.trap.afterFire).length;
    fail(`${where}: ${wrong.length} ${feature} calls settled after the trap with ${[...new Set(wrong.map((c) => c.o))].join(", ")} (${early} of them in the trap's own task)`);
  }
  if (!pending.length) fail(`${where}: no ${feature} call was pending at the trap`);
  if (!later.length) fail(`${where}: no ${feature} call was made after the trap`);
  const others = [];
  for (const other of Object.values(FEATURES).filter((f) => f !== feature)) {
    const calls = r.calls[other];
    const internal = calls.filter((c) => c.o === "internal").length;
    const after = calls.filter((c) => c.s > fired);
    const ok = after.filter((c) => c.o === "ok").length;
    if (internal) fail(`${where}: ${internal} ${other} calls settled with internal`);
    if (!ok) fail(`${where}: no ${other} call made after the trap succeeded (${list(count(after.map((c) => c.o))) || "none made"})`);
    others.push(`${other} ${ok}/${after.length}`);
  }
  const delivered = tr.server.log.filter((e) => e.path === "/api/collect" && e.fault === "ok" && tr.server.started + e.at > r.trap.firedTime).length;
  if (feature !== "analytics" && !delivered) fail(`${where}: analytics delivered nothing after the trap`);
  const logged = tr.texts.filter((x) => x.includes("internal error")).length;
  if (logged !== 1) fail(`${where}: the trap logged ${logged} times to the console`);
  const reported = r.onError["internal:internal"] ?? 0;
  if (reported !== 1) fail(`${where}: the trap reported ${reported} times to analytics' onError`);
  const served = tr.server.log.length;
  const faulted = tr.server.log.filter((e) => e.fault !== "ok").length;
  trapLines.push(
    `  ${m} (${r.trap.export}): ${mine.length} ${feature} calls: ${pending.length} pending at the trap and ${later.length} made after it settled ${list(count([...pending, ...later].map((c) => c.o)))}, each once${feature === "fetch" ? ` (${reading.length} bodies being read at the trap${reading.length ? `: ${list(count(reading.map((c) => c.o)))}` : ""})` : ""}; after the trap, ok/made: ${others.join(", ")}, ${delivered} analytics batches delivered; logged ${logged}, onError ${reported}; ${served} requests to its server, ${faulted} faults`,
  );
}
if (traps.length !== TRAP_MODULES.length) fail(`the trap phase ran ${traps.length} of ${TRAP_MODULES.length} tabs`);

function count(values) {
  const o = {};
  for (const v of values) o[v] = (o[v] || 0) + 1;
  return o;
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
function list(o) {
  return Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}
const paths = {};
for (const e of server.log) paths[e.path] = (paths[e.path] || 0) + 1;

console.log(`== soak: ${seconds} s asked, ${elapsed.toFixed(0)} s run (warm-up ${warmupMs / 1000} s, drain included), seed ${seed}`);
console.log(`requests served: ${server.log.length} (${list(paths)})`);
console.log(`  secrets   faults: ${byKind("secrets")}`);
console.log(`  stream    faults: ${byKind("stream")}`);
console.log(`  analytics faults: ${byKind("analytics")}`);
console.log(`secrets: ${report.secrets.calls} getClientSecret calls: ${list(report.secrets.outcomes)} (${report.secrets.joined} waited for an operation, each with its outcome; ${report.secrets.cached} cached); ${server.issuedSecrets.length} secrets issued`);
console.log(`  ${ops.figures.ops} operations: ${list(ops.figures.ends)}; ${ops.figures.authOps} met a 401/403, ${ops.figures.unusableOps} an expired secret; at most ${ops.figures.mostRequests} requests in one; back to ok at most ${(ops.figures.longestRecovery / 1000).toFixed(1)} s after an unauthorized or refresh_loop (${ops.figures.recovered} of ${ops.figures.failedHard} followed by an ok)`);
console.log(`  guard: ${ops.guarded.length} counted requests, least spacing ${pageSpacing} ms on the page, ${serverSpacing} ms at the server (guard ${guard} ms); least gap between any two requests ${allSpacing} ms`);
console.log(`auth fetch: ${report.fetches.calls} requests: ${list(report.fetches.outcomes)}; ${report.fetches.chunks} chunks; ${server.issuedTokens.length} tokens issued`);
console.log(`tools: ${t.calls} calls, ${t.settled} settled: ${list(t.outcomes)}; ${t.lateEvents} late; ${t.aborted} handlers saw their signal aborted`);
console.log(`analytics: ${report.analytics.recorded} events recorded, ${delivered} delivered, ${metrics.dropped} dropped, ${metrics.queued} queued, ${duplicates} duplicates; onError: ${list(report.analytics.errors) || "none"}`);
for (const [k, m] of Object.entries(report.analytics.messages)) console.log(`  onError ${k}: ${m}`);
console.log(`trap phase (${traps.length} tabs, from ${(trapStartMs / 1000).toFixed(0)} s):`);
for (const line of trapLines) console.log(line);
const trapScanned = traps.reduce((n, t) => n + (t.report?.scanned ?? 0), 0);
console.log(`secret scan: ${report.scanned + trapScanned} errors and events, ${consoleTexts.length} console messages, ${server.bodies.length} analytics bodies (trap tabs: ${trapTexts.length} messages and bodies); ${report.leaks.length + trapLeaks.length + outside.length} with a secret`);
console.log(`JS heap (after GC): ${mb(start.heap)} at 1 s, ${mb(warm.heap)} after warm-up, ${mb(end.heap)} at the end (samples: ${samples.map((s) => mb(s.heap)).join(", ")})`);
console.log(`wasm memory samples (KB, ${Object.keys(end.wasm).sort().join(" ")}): ${samples.map((s) => Object.keys(end.wasm).sort().map((n) => ((s.wasm[n] ?? 0) / 1024).toFixed(0)).join("/")).join(", ")}`);
console.log(`wasm memory (at 1 s / after warm-up / end): ${Object.keys(end.wasm).sort().map((n) => `${n} ${kb(start.wasm[n] ?? 0)} / ${kb(warm.wasm[n] ?? 0)} / ${kb(end.wasm[n])}`).join(", ")}`);
if (failures.length) {
  console.log(`\nFAILED: ${failures.length} check(s)`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log("\nall checks passed");
