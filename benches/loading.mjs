// What loading costs a page, and withTimeout beside its peers, in headless Chromium:
// - each feature's module: time from the first use to a loaded module (fetch + streaming
//   compile from a local server, cache disabled), fresh pages;
// - import to the first dispatch's result on a cold cache, beside @cfworker/json-schema;
// - getClientSecret(null) on a page whose module has not loaded: time until the /start
//   request leaves (the page's fetch sees it), and until the secret arrives;
// - withTimeout(resolved, 1000) per call beside a bare Promise.race + setTimeout +
//   AbortController and beside p-timeout, interleaved in the same page.
//
//   node benches/loading.mjs      (after scripts/build; scripts/bench runs it)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { launch, newPage } from "../tests/js/lib/browser.mjs";
import { packageDir, wasmFiles } from "../tests/js/lib/bundle.mjs";
import { serve } from "../tests/js/lib/server.mjs";
import { machine, repoRoot, stats, writeChart, writeSection } from "./lib.mjs";

execFileSync("npm", ["install", "--prefix", join(repoRoot, "tests/js"), "--no-save", "--no-audit", "--no-fund", "--loglevel=error", join(repoRoot, "target/npm/chatkit-glue.tgz")]);
const out = join(repoRoot, "target/bench-loading");
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(repoRoot, "benches/loading.page.js")],
  outfile: join(out, "page.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["browser"],
  nodePaths: [join(repoRoot, "tests/js/node_modules"), join(repoRoot, "node_modules")],
  logLevel: "warning",
  minify: true,
});
// Import to the first dispatch's result: each entry is its own bundle, imported
// dynamically by a blank page on a cold cache.
await esbuild.build({
  entryPoints: { "first-dispatch-glue": join(repoRoot, "benches/first-dispatch.tools.js"), "first-dispatch-peer": join(repoRoot, "benches/first-dispatch.peer.js") },
  outdir: out,
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["browser"],
  nodePaths: [join(repoRoot, "tests/js/node_modules"), join(repoRoot, "node_modules")],
  logLevel: "warning",
  minify: true,
});
for (const wasm of wasmFiles()) copyFileSync(join(packageDir(), wasm), join(out, wasm));
writeFileSync(join(out, "blank.html"), '<!doctype html><meta charset="utf-8"><title>blank</title>');
writeFileSync(join(out, "index.html"), '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>');

const server = await serve(out);
const browser = await launch();
const LOADS = 11;
const CALLS = 20_000;
const ROUNDS = 5;

async function fresh() {
  const { page, context } = await newPage(browser);
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.imported === true);
  return { page, context };
}

// Each feature's module, first use to loaded.
const FEATURES = {
  ClientSecretSource: "new g.ClientSecretSource()",
  createAuthFetch: "g.createAuthFetch({ token: () => 't' })",
  ClientTools: "new g.ClientTools()",
  ChatKitAnalytics: "new g.ChatKitAnalytics()",
};
const loads = {};
for (const [name, make] of Object.entries(FEATURES)) {
  loads[name] = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, context } = await fresh();
    loads[name].push(
      await page.evaluate(async (make) => {
        const g = window.glue;
        const t = performance.now();
        new Function("g", make)(g);
        await g.ready();
        return performance.now() - t;
      }, make),
    );
    await context.close();
  }
}

// Import to the first dispatch's result, cold cache (a fresh browser context each time,
// no request interception): chatkit-glue's ClientTools beside @cfworker/json-schema with
// an AbortController and a timer, alternating.
const first = { glue: [], peer: [] };
for (let i = 0; i < LOADS; i++) {
  for (const which of ["glue", "peer"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + "/blank.html");
    first[which].push(
      await page.evaluate(async (which) => {
        const t = performance.now();
        const m = await import(`./first-dispatch-${which}.js`);
        const r = await m.run();
        if (!r || r.ok !== true) throw new Error(`first dispatch answered ${JSON.stringify(r)}`);
        return performance.now() - t;
      }, which),
    );
    await context.close();
  }
}

// getClientSecret(null) before the module: when the /start request leaves, and the secret arrives.
const early = { leaves: [], secret: [] };
for (let i = 0; i < LOADS; i++) {
  const { page, context } = await fresh();
  const r = await page.evaluate(async () => {
    const real = window.fetch;
    let left = null;
    window.fetch = (input, init) => {
      if (String(input).includes("/api/chatkit/start")) {
        left ??= performance.now();
        return Promise.resolve(new Response(JSON.stringify({ client_secret: "ek_bench", expires_after: 600 })));
      }
      return real(input, init);
    };
    const s = new window.glue.ClientSecretSource();
    const t = performance.now();
    await s.getClientSecret(null);
    return { leaves: left - t, secret: performance.now() - t };
  });
  early.leaves.push(r.leaves);
  early.secret.push(r.secret);
  await context.close();
}

// withTimeout beside its peers, per call.
const { page, context } = await fresh();
const perCall = await page.evaluate(
  async ({ calls, rounds }) => {
    const { withTimeout } = window.glue;
    const pTimeout = window.pTimeout;
    const bare = (p, ms) => {
      const controller = new AbortController();
      let id;
      return Promise.race([p, new Promise((_, j) => (id = setTimeout(() => (controller.abort(), j(new Error("timeout"))), ms)))]).finally(() =>
        clearTimeout(id),
      );
    };
    const viaPTimeout = (p, ms) => pTimeout(p, { milliseconds: ms });
    const time = async (fn) => {
      const t = performance.now();
      for (let i = 0; i < calls; i++) await fn(Promise.resolve(i), 1000);
      return ((performance.now() - t) * 1000) / calls;
    };
    const fns = { glue: withTimeout, bare, pTimeout: viaPTimeout };
    for (const fn of Object.values(fns)) await time(fn); // warm-up
    const out = { glue: [], bare: [], pTimeout: [] };
    for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(fns)) out[k].push(await time(fn));
    return out;
  },
  { calls: CALLS, rounds: ROUNDS },
);
await context.close();
await browser.close();
await server.close();

const f = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);
const loadRows = Object.entries(loads)
  .map(([name, values]) => {
    const s = stats(values);
    return `| ${name}: first use to loaded module | ${f(s.median)} ms | ${f(s.min)} ms | ${f(s.max)} ms |`;
  })
  .join("\n");
const fg = stats(first.glue);
const fp = stats(first.peer);
const el = stats(early.leaves);
const es = stats(early.secret);
const g = stats(perCall.glue);
const b = stats(perCall.bare);
const p = stats(perCall.pTimeout);
const chart = writeChart("with-timeout", {
  title: "withTimeout(resolved, 1000), µs per call (median), same page",
  unit: "µs",
  digits: 2,
  rows: [
    { label: "chatkit-glue withTimeout", value: g.median, ours: true },
    { label: "Promise.race + setTimeout + AbortController", value: b.median, ours: false },
    { label: "p-timeout 7", value: p.median, ours: false },
  ],
});
writeSection(
  "Loading and withTimeout",
  `Measured ${new Date().toISOString().slice(0, 10)} with \`node benches/loading.mjs\` on ${machine()}, headless, served from 127.0.0.1, each row on ${LOADS} fresh pages (cache disabled).

| what | median | min | max |
|---|---|---|---|
${loadRows}
| ClientTools: import to the first dispatch's result (5-field schema), cold cache | ${f(fg.median)} ms | ${f(fg.min)} ms | ${f(fg.max)} ms |
| the peer: @cfworker/json-schema + AbortController + setTimeout, import to the first result, cold cache | ${f(fp.median)} ms | ${f(fp.min)} ms | ${f(fp.max)} ms |
| \`getClientSecret(null)\` before any module loaded: until the /start request leaves | ${f2(el.median)} ms | ${f2(el.min)} ms | ${f2(el.max)} ms |
| the same call: until the secret arrives (the answer waits for the module) | ${f(es.median)} ms | ${f(es.min)} ms | ${f(es.max)} ms |

\`withTimeout(resolved, 1000)\`, µs per call (${CALLS} sequential awaited calls a round, ${ROUNDS} rounds interleaved):

| path | median | min | max | vs the bare race |
|---|---|---|---|---|
| chatkit-glue \`withTimeout\` (no module) | ${f2(g.median)} | ${f2(g.min)} | ${f2(g.max)} | ${f2(g.median / b.median)}× |
| \`Promise.race\` + \`setTimeout\` + \`AbortController\` | ${f2(b.median)} | ${f2(b.min)} | ${f2(b.max)} | 1× |
| p-timeout 7.0.2 | ${f2(p.median)} | ${f2(p.min)} | ${f2(p.max)} | ${f2(p.median / b.median)}× |

![withTimeout beside its peers](${chart})`,
);
