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
import { machine, repoRoot, stats, writeSection } from "./lib.mjs";

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
  nodePaths: [join(repoRoot, "tests/js/node_modules")],
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
  ["ClientTools.dispatch, JSON Schema (Rust core)", "dispatchJson"],
  ["ClientTools.dispatch, zod 4 schema (Standard Schema)", "dispatchZod"],
  ["ClientTools.dispatch, no schema (the dispatch machinery alone)", "dispatchNone"],
  ["ajv 8 compiled validate + direct call", "ajvDirect"],
  ["zod 4 parse + direct call", "zodDirect"],
];
const m = Object.fromEntries(rows.map(([, key]) => [key, stats(r[key])]));
const f = (n) => n.toFixed(2);
const ratio = (a, b) => (a === b ? "1×" : `${f(m[a].median / m[b].median)}×`);
const table = rows.map(
  ([label, key]) => `| ${label} | ${f(m[key].median)} | ${f(m[key].min)}–${f(m[key].max)} | ${ratio(key, "ajvDirect")} | ${ratio(key, "zodDirect")} |`,
);
writeSection(
  "Client tools: dispatch overhead",
  `Measured ${new Date().toISOString().slice(0, 10)} with \`node benches/tools.mjs\` on ${machine()}, headless, served from 127.0.0.1;
load average ${load} at the start (a shared machine: compare the rows of one run, not runs).

One call = validate a 5-field params object (string with min/max length, bounded integer,
email format, array of strings with maxItems, boolean; required; no additional properties)
and call a handler that returns a small object, awaited. ${ROUNDS} rounds of 0.5 s per row
(rows interleaved) after a warm-up; µs per call, median and range of the rounds.

| path | µs per call | range | vs ajv + direct call | vs zod 4 + direct call |
|---|---|---|---|---|
${table.join("\n")}

dispatch also runs a per-call timer and AbortController, checks the result, and emits
events; the direct calls do none of that (the no-schema row is that cost alone). With a
JSON Schema, the params cross into the module as one \`JSON.stringify\` string that the Rust
core parses and validates; the result is checked in JavaScript.`,
);
