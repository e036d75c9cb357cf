// Benchmark of ClientTools.dispatch (not a test): µs per call for a 5-field params object
// against ajv-compiled validation + a direct call and zod 4 parse + a direct call, in
// headless Chromium. Writes the "## Client tools: dispatch overhead" section of
// BENCHMARKS.md (other sections are left as they are).
//
//   node benches/tools.mjs [package.tgz]   (after scripts/build; scripts/bench runs it;
//                                            a tarball argument measures another build)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { launch, newPage } from "../tests/js/lib/browser.mjs";
import { packageDir, wasmFiles } from "../tests/js/lib/bundle.mjs";
import { serve } from "../tests/js/lib/server.mjs";
import { machine, repoRoot, stats, writeChart, writeSection } from "./lib.mjs";

const tarball = process.argv[2] || join(repoRoot, "target/npm/chatkit-glue.tgz");
execFileSync("npm", ["install", "--prefix", join(repoRoot, "tests/js"), "--no-save", "--no-audit", "--no-fund", "--loglevel=error", tarball]);
const out = join(repoRoot, "target/bench-tools");
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(repoRoot, "benches/tools.page.js")],
  outfile: join(out, "page.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["browser"],
  nodePaths: [join(repoRoot, "tests/js/node_modules"), join(repoRoot, "node_modules")],
  logLevel: "warning",
  minify: true,
});
for (const wasm of wasmFiles()) copyFileSync(join(packageDir(), wasm), join(out, wasm));
writeFileSync(join(out, "index.html"), '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>');

const ROUNDS = 7;
const load = loadavg()[0].toFixed(1);
const server = await serve(out);
const browser = await launch();
const { page, context } = await newPage(browser);
await page.goto(server.url + "/");
await page.waitForFunction(() => window.imported === true);
const r = await page.evaluate((rounds) => window.bench(rounds), ROUNDS);
await context.close();
await browser.close();
await server.close();

const rows = [
  ["ClientTools.dispatch, JSON Schema (Rust core)", "dispatchJson", true],
  ["ClientTools.dispatch, zod 4 schema (Standard Schema)", "dispatchZod", true],
  ["ClientTools.dispatch, no schema (the dispatch machinery alone)", "dispatchNone", true],
  ["ajv 2020 validate + AbortController + setTimeout", "ajv", false],
  ["@cfworker/json-schema validate + AbortController + setTimeout", "cfworker", false],
  ["zod 4 safeParse + AbortController + setTimeout", "zod", false],
];
const m = Object.fromEntries(rows.map(([, key]) => [key, stats(r[key])]));
const f = (n) => n.toFixed(2);
const ratio = (a, b) => (a === b ? "1×" : `${f(m[a].median / m[b].median)}×`);
const table = rows.map(
  ([label, key]) => `| ${label} | ${f(m[key].median)} | ${f(m[key].min)}–${f(m[key].max)} | ${ratio(key, "ajv")} | ${ratio(key, "cfworker")} |`,
);
const chart = writeChart("dispatch", {
  title: "Client tool call with a 5-field JSON Schema, µs per call (median), same page",
  unit: "µs",
  digits: 2,
  rows: rows.map(([label, key, ours]) => ({ label: label.replace(/ \(.*\)$/, "").replace(" + AbortController + setTimeout", " + deadline"), value: m[key].median, ours })),
});
writeSection(
  "Client tools: dispatch overhead",
  `Measured ${new Date().toISOString().slice(0, 10)} with \`node benches/tools.mjs\` on ${machine()}, headless, served from 127.0.0.1;
load average ${load} at the start (a shared machine: compare the rows of one run, not runs).

One call = validate a params object against a 5-field schema (string with length bounds,
bounded integer, boolean, enum, array of strings with maxItems; all required; no
additional properties), cycling through 1000 distinct objects, and run a handler that
returns a small object, awaited. The peers do what a hand-written \`onClientTool\` does:
validate, then race the handler against a \`setTimeout\` deadline with an
\`AbortController\`. ${ROUNDS} rounds of 0.5 s per row (rows interleaved) after a warm-up;
µs per call, median and range of the rounds.

| path | µs per call | range | vs ajv 2020 | vs @cfworker/json-schema |
|---|---|---|---|---|
${table.join("\n")}

dispatch also checks the result, reports a late result once, and emits events when someone
listens; its deadline is one shared timer for every call in flight, and the call's
\`AbortController\` is made only when the handler reads \`ctx.signal\`. With a JSON
Schema, the params cross into the module as one \`JSON.stringify\` string that the Rust core
parses and validates.

![dispatch beside its peers](${chart})`,
);
