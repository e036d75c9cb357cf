// Benchmark of ChatKitAnalytics (not a test): cost per event, and memory with a sink that
// always fails, in headless Chromium. Writes the "## Analytics" section of BENCHMARKS.md
// (other sections are left as they are).
//
//   node benches/analytics.mjs      (after scripts/build and the tarball install)
import { cpus, totalmem, release } from "node:os";
import { launch, newPage } from "../tests/js/lib/browser.mjs";
import { bundlePage } from "../tests/js/lib/bundle.mjs";
import { serve } from "../tests/js/lib/server.mjs";
import { writeSection } from "./lib.mjs";

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
// Cost per event: the median of 5 runs of 20k events each, after a warm-up run.
const cost = await page.evaluate(async () => {
  const N = 20_000;
  const cases = {
    "track(type, data)": (a, i) => a.track("checkout", { i, plan: "pro", items: [1, 2, 3] }),
    "onLog({ name, data }) handler": (a, i, h) => h.onLog({ name: "widget.click", data: { i, id: "w" + i } }),
    "onResponseStart + onResponseEnd (2 events, paired)": (a, i, h) => {
      h.onResponseStart();
      h.onResponseEnd();
    },
    "track with nested data and a token to redact": (a, i) =>
      a.track("deep", { i, headers: { authorization: "Bearer abc.def.ghi" }, note: "key sk-abcdefghijklmnop here", list: [{ a: { b: { c: i } } }] }),
    "track with beforeSend": (a, i) => a.track("edited", { i }),
    "track, sampled out (sampleRate 0)": (a, i) => a.track("x", { i }),
  };
  const out = {};
  for (const [name, run] of Object.entries(cases)) {
    const times = [];
    for (let rep = 0; rep < 6; rep++) {
      const a = new window.glue.ChatKitAnalytics({
        sink: () => {},
        batchSize: 50,
        maxQueue: 100_000,
        sampleRate: name.includes("sampled out") ? 0 : 1,
        beforeSend: name.includes("beforeSend") ? (e) => ({ ...e, data: { ...e.data, edited: true } }) : undefined,
      });
      const h = a.handlers();
      const t0 = performance.now();
      for (let i = 0; i < N; i++) run(a, i, h);
      // Counted until every event is delivered: deferred work is part of the cost.
      await a.flush();
      const t1 = performance.now();
      a.dispose();
      if (rep > 0) times.push(((t1 - t0) * 1000) / N);
    }
    times.sort((x, y) => x - y);
    out[name] = times[2];
  }
  return out;
});

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
const section = [
  "## Analytics",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node benches/analytics.mjs\`, headless Chromium ${machine.chromium},`,
  `on ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}. Shared machine: treat as orders of magnitude.`,
  "",
  "Cost per event (median of 5 runs of 20,000 events, counted until `flush()` settles with every event delivered to a no-op sink: redaction, encoding, queueing and batched delivery):",
  "",
  "| event | µs per call |",
  "|---|---|",
  ...Object.entries(cost).map(([name, us]) => `| ${name} | ${us.toFixed(2)} |`),
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
