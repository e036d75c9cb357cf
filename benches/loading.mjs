// What the foundation costs a page: time from the first API call to a loaded module
// (fetch + streaming compile of the .wasm from a local server, cache disabled), and the
// overhead of withTimeout over a bare Promise.race with setTimeout, per call.
//
//   node benches/loading.mjs      (after scripts/build; scripts/bench runs it)
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { launch, newPage } from "../tests/js/lib/browser.mjs";
import { bundlePage } from "../tests/js/lib/bundle.mjs";
import { serve } from "../tests/js/lib/server.mjs";
import { machine, repoRoot, stats, writeSection } from "./lib.mjs";

execFileSync("npm", ["install", "--prefix", join(repoRoot, "tests/js"), "--no-save", "--no-audit", "--no-fund", "--loglevel=error", join(repoRoot, "target/npm/chatkit-glue.tgz")]);
const server = await serve(await bundlePage("glue"));
const browser = await launch();
const LOADS = 15;
const CALLS = 20_000;

const loads = [];
for (let i = 0; i < LOADS; i++) {
  const { page, context } = await newPage(browser);
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.imported === true);
  loads.push(await page.evaluate(async () => {
    const t = performance.now();
    await window.glue.ready();
    return performance.now() - t;
  }));
  await context.close();
}

const { page, context } = await newPage(browser);
await page.goto(server.url + "/");
await page.evaluate(() => window.glue.ready());
const perCall = await page.evaluate(async (calls) => {
  const { withTimeout } = window.glue;
  const bare = (p, ms) => {
    let id;
    return Promise.race([p, new Promise((_, j) => (id = setTimeout(() => j(new Error("timeout")), ms)))]).finally(() => clearTimeout(id));
  };
  const time = async (fn) => {
    const t = performance.now();
    for (let i = 0; i < calls; i++) await fn(Promise.resolve(i), 1000);
    return ((performance.now() - t) * 1000) / calls;
  };
  await time(withTimeout); // warm-up
  await time(bare);
  const out = { glue: [], bare: [] };
  for (let r = 0; r < 5; r++) {
    out.glue.push(await time(withTimeout));
    out.bare.push(await time(bare));
  }
  return out;
}, CALLS);
await context.close();
await browser.close();
await server.close();

const l = stats(loads);
const g = stats(perCall.glue);
const b = stats(perCall.bare);
const f = (n) => n.toFixed(1);
writeSection(
  "Loading and withTimeout",
  `Measured with \`node benches/loading.mjs\` on ${machine()}, headless, served from 127.0.0.1.

| what | median | min | max |
|---|---|---|---|
| first use to loaded module (fetch + compile, ${LOADS} fresh pages) | ${f(l.median)} ms | ${f(l.min)} ms | ${f(l.max)} ms |
| \`withTimeout(resolved, 1000)\` per call (${CALLS} sequential calls, 5 rounds) | ${f(g.median)} µs | ${f(g.min)} µs | ${f(g.max)} µs |
| bare \`Promise.race\` + \`setTimeout\` per call, same loop | ${f(b.median)} µs | ${f(b.min)} µs | ${f(b.max)} µs |

withTimeout costs ${f(g.median / b.median)}× the bare race: it also creates an AbortController for the work, validates its arguments, and releases its timer and listener on settle.`,
);
