// Benchmark of ChatKitAnalytics (not a test): cost per event beside posthog-js-lite's
// capture() in the same page, and memory with a sink that always fails, in headless
// Chromium. Writes the "## Analytics" section of BENCHMARKS.md
// (other sections are left as they are).
//
//   node benches/analytics.mjs      (after scripts/build and the tarball install)
import { cpus, totalmem, release } from "node:os";
import { launch, newPage } from "../tests/js/lib/browser.mjs";
import { bundlePage } from "../tests/js/lib/bundle.mjs";
import { serve } from "../tests/js/lib/server.mjs";
import { writeChart, writeSection } from "./lib.mjs";

const server = await serve(await bundlePage("analytics-bench"));
const browser = await launch();
const { page, context } = await newPage(browser);
await page.goto(server.url + "/");
await page.evaluate(() => window.glue.ready());
const cdp = await context.newCDPSession(page);

// Memory first, on a fresh page: WebAssembly.Memory never shrinks, so a run before it
// would set its baseline.
// Memory with a sink that always fails.
await page.evaluate(() => {
  window.failing = new window.glue.ChatKitAnalytics({
    sink: () => {
      throw new Error("the sink is down");
    },
    onError: () => {},
    flushIntervalMs: 100,
  });
  window.recorded = 0;
  // The module loads on first use: measure from there.
  return window.glue.ready();
});
const memory = [];
async function measure() {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const m = await page.evaluate(() => ({ wasm: window.wasmMemory.buffer.byteLength, metrics: window.failing.metrics() }));
  return { heap: heap.usedSize, wasm: m.wasm, metrics: m.metrics };
}
const baseline = await measure();
for (const target of [10_000, 100_000, 1_000_000]) {
  while ((await page.evaluate(() => window.recorded)) < target) {
    await page.evaluate(async (target) => {
      const end = Math.min(target, window.recorded + 10_000);
      for (let i = window.recorded; i < end; i++) window.failing.track("bench", { i, text: "some text of an event" });
      window.recorded = end;
      await new Promise((r) => setTimeout(r, 0)); // let timers and retries run
    }, target);
  }
  memory.push({ events: target, ...(await measure()) });
}
// Cost per event, counted until flush() settles with every event delivered (asserted
// below): 20k events per run, the rows interleaved, 5 runs each after a warm-up, median.
// The peer runs in the same page: posthog-js-lite's capture() with a no-op fetch, its
// defaults otherwise (flushAt 20, gzip), with memory persistence and with its default
// localStorage. It rewrites its whole stored queue on every capture and chains a flush
// promise per capture past flushAt, so a burst costs it more per event the longer it is
// (a 20k burst did not finish in 20 minutes): it runs 1,000 events (its default
// maxQueueSize, so none is dropped), which favours it.
const N = 20_000;
const cost = await page.evaluate(async (N) => {
  const noopFetch = () => Promise.resolve({ status: 200, text: () => Promise.resolve("{}"), json: () => Promise.resolve({}) });
  let serial = 0;
  const ours = (run, extra = {}) => async () => {
    const a = new window.glue.ChatKitAnalytics({ sink: () => {}, batchSize: 50, maxQueue: 100_000, ...extra });
    const h = a.handlers();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) run(a, i, h);
    await a.flush();
    const t1 = performance.now();
    const m = a.metrics();
    a.dispose();
    return { us: ((t1 - t0) * 1000) / N, delivered: m.sent, dropped: m.dropped };
  };
  const posthog = (persistence, n) => async () => {
    const name = `bench-${persistence}-${serial++}`;
    const ph = new window.PostHog("phc_bench", {
      host: "http://127.0.0.1:9",
      persistence,
      persistence_name: name,
      preloadFeatureFlags: false,
      captureHistoryEvents: false,
    });
    ph.fetch = noopFetch;
    let delivered = 0;
    ph.on("flush", (sent) => (delivered += sent.length));
    const t0 = performance.now();
    for (let i = 0; i < n; i++) ph.capture("widget.click", { i, id: "w" + i });
    await ph.flush();
    const t1 = performance.now();
    localStorage.clear();
    return { us: ((t1 - t0) * 1000) / n, delivered, dropped: 0, n };
  };
  const cases = {
    "onLog({ name, data }) handler": ours((a, i, h) => h.onLog({ name: "widget.click", data: { i, id: "w" + i } })),
    "posthog-js-lite capture() (memory persistence, 1,000 events)": posthog("memory", 1000),
    "posthog-js-lite capture() (its default localStorage persistence, 1,000 events)": posthog("localStorage", 1000),
    "track(type, data)": ours((a, i) => a.track("checkout", { i, plan: "pro", items: [1, 2, 3] })),
    "onResponseStart + onResponseEnd (2 events, paired)": ours((a, i, h) => {
      h.onResponseStart();
      h.onResponseEnd();
    }),
    "track with nested data and a token to redact": ours((a, i) =>
      a.track("deep", { i, headers: { authorization: "Bearer abc.def.ghi" }, note: "key sk-abcdefghijklmnop here", list: [{ a: { b: { c: i } } }] }),
    ),
    "track with beforeSend": ours((a, i) => a.track("edited", { i }), { beforeSend: (e) => ({ ...e, data: { ...e.data, edited: true } }) }),
    "track, sampled out (sampleRate 0)": ours((a, i) => a.track("x", { i }), { sampleRate: 0 }),
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const checks = {};
  for (let rep = 0; rep < 6; rep++) {
    for (const [name, run] of Object.entries(cases)) {
      const r = await run();
      if (rep > 0) times[name].push(r.us);
      checks[name] = r;
    }
  }
  const out = {};
  for (const [name, list] of Object.entries(times)) {
    list.sort((x, y) => x - y);
    out[name] = { median: list[2], min: list[0], max: list[list.length - 1], ...checks[name] };
  }
  return out;
}, N);
// Every event delivered, none dropped (the sampled-out row delivers none by design).
for (const [name, r] of Object.entries(cost)) {
  const want = name.includes("sampled out") ? 0 : name.includes("2 events") ? 2 * N : r.n || N;
  if (r.delivered !== want || r.dropped !== 0) throw new Error(`${name}: ${r.delivered} of ${want} delivered, ${r.dropped} dropped`);
}

const machine = {
  cpu: `${cpus()[0].model} (${cpus().length} cores)`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  os: `Linux ${release()}`,
  node: process.version,
  chromium: browser.version(),
};
await context.close();
await browser.close();
await server.close();

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ON_LOG = "onLog({ name, data }) handler";
const PEER = "posthog-js-lite capture() (memory persistence, 1,000 events)";
const f = (n) => n.toFixed(2);
const ratio = (n) => `${n.toPrecision(2)}×`;
const chart = writeChart("analytics", {
  title: "One event until flush() settles, delivered to a no-op sink, µs per event (median), same page",
  unit: "µs",
  digits: 2,
  rows: Object.entries(cost)
    .filter(([name]) => !name.includes("sampled out"))
    .map(([name, r]) => ({
      label: name.startsWith("posthog") ? (name.includes("localStorage") ? "posthog-js-lite, localStorage (1k)" : "posthog-js-lite capture(), memory") : name.replace(/ \(.*\)$/, "").replace(" handler", ""),
      value: r.median,
      ours: !name.startsWith("posthog"),
    })),
});
const section = [
  "## Analytics",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node benches/analytics.mjs\`, headless Chromium ${machine.chromium},`,
  `on ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}. Shared machine: compare the rows of one run, not runs.`,
  "",
  `Cost per event: ${N.toLocaleString("en-US")} events a run, counted until \`flush()\` settles with every event delivered to a no-op sink (checked: none dropped) — redaction, encoding, queueing and batched delivery included; batches of 50. Rows interleaved, 5 runs each after a warm-up; median and range. The peer runs in the same page: posthog-js-lite 4.12.1 \`capture()\` with a no-op \`fetch\` and its defaults otherwise (\`flushAt\` 20, gzip), with memory persistence and with its default localStorage, \`flush()\` awaited, every event counted delivered through its \`flush\` event. It rewrites its whole stored queue on every capture and chains a flush promise per capture past \`flushAt\`, so its cost per event grows with the burst (20,000 did not finish in 20 minutes): it runs 1,000 events, its default \`maxQueueSize\`, which favours it.`,
  "",
  "| event | µs per event | range | vs posthog-js-lite |",
  "|---|---|---|---|",
  ...Object.entries(cost).map(([name, r]) => `| ${name} | ${f(r.median)} | ${f(r.min)}–${f(r.max)} | ${ratio(r.median / cost[PEER].median)} |`),
  "",
  `\`onLog\` is ${f(cost[ON_LOG].median)} µs per event, ${ratio(cost[ON_LOG].median / cost[PEER].median)} posthog-js-lite's \`capture()\` in the same run (it stringifies its whole persisted queue, about 1 KB of properties per event, on every capture: most of its time in a profile).`,
  "",
  `![analytics beside posthog-js-lite](${chart})`,
  "",
  "Memory with a sink that always fails (maxQueue 1000; forced GC through the DevTools protocol's",
  "`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`), which must stay flat:",
  "",
  "| events recorded | JS heap used | WebAssembly.Memory | total | queued | dropped |",
  "|---|---|---|---|---|---|",
  `| 0 (baseline) | ${kb(baseline.heap)} | ${kb(baseline.wasm)} | ${kb(baseline.heap + baseline.wasm)} | 0 | 0 |`,
  ...memory.map(
    (m) =>
      `| ${m.events.toLocaleString("en-US")} | ${kb(m.heap)} | ${kb(m.wasm)} | ${kb(m.heap + m.wasm)} | ${m.metrics.queued} | ${m.metrics.dropped.toLocaleString("en-US")} |`,
  ),
  "",
  (() => {
    const first = memory[0].heap + memory[0].wasm;
    const last = memory.at(-1).heap + memory.at(-1).wasm;
    return `From 10,000 to 1,000,000 events the total moved by ${kb(last - first)} (${(((last - first) / first) * 100).toFixed(1)}%): the queue stays at maxQueue; event ids and the benchmark's data gain digits as the counters grow, and WebAssembly.Memory grows in 64 KiB pages and never shrinks.`;
  })(),
  "",
].join("\n");

writeSection("Analytics", section.split("\n").slice(2).join("\n"));
