// What a page downloads for each export, beside the JavaScript a user would pick instead,
// measured in one run: each entry bundled by esbuild (minified, tree-shaken, browser
// conditions) from a file that imports and uses only that export, gzip -9, plus the .wasm
// modules that entry loads. Writes the "Bytes a page downloads" section and a chart.
//
//   node benches/sizes.mjs      (after scripts/build; scripts/bench runs it)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { build as viteBuild } from "vite";
import { repoRoot, writeChart, writeSection } from "./lib.mjs";

const pkg = join(repoRoot, "pkg");
const viteVersion = JSON.parse(readFileSync(join(repoRoot, "node_modules/vite/package.json"), "utf8")).version;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kib = (n) => n / 1024;

async function bundle(contents, resolveDir) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["browser"],
    write: false,
    logLevel: "error",
  });
  return Buffer.from(r.outputFiles[0].contents);
}

/** An entry of ours: its JS and every .wasm it names. */
async function ours(code) {
  const js = await bundle(code, pkg);
  const modules = [...new Set(js.toString("latin1").match(/chatkit_glue_\w+_bg\.wasm/g) || [])];
  const wasm = modules.reduce((n, m) => n + gz(readFileSync(join(pkg, m))), 0);
  return { js: gz(js), wasm, total: gz(js) + wasm, modules };
}

/** A peer stack: JS only. */
async function peer(code) {
  const js = await bundle(code, repoRoot);
  return { js: gz(js), wasm: 0, total: gz(js), modules: [] };
}

/**
 * The same entry as an app built with Vite (production build, its defaults: Rolldown,
 * minified, tree-shaken, `new URL(..., import.meta.url)` assets emitted): gzip -9 of every
 * JS file and .wasm it emits. `code` imports "./index.js" (the package) or peers.
 */
async function vite(code, fromPackage) {
  const dir = join(repoRoot, "target/bench-vite");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = fromPackage ? code.replaceAll('"./index.js"', JSON.stringify(join(pkg, "index.js"))) : code;
  writeFileSync(join(dir, "entry.js"), entry);
  writeFileSync(join(dir, "index.html"), '<!doctype html><script type="module" src="./entry.js"></script>');
  await viteBuild({ root: dir, logLevel: "error", configFile: false, resolve: { alias: {} }, build: { outDir: join(dir, "dist"), assetsInlineLimit: 0, modulePreload: false } });
  // Vite emits an asset named in a `new URL` even when tree-shaking drops the code that
  // names it; a page downloads only the .wasm its JavaScript still names.
  const assets = join(dir, "dist/assets");
  const files = readdirSync(assets);
  const scripts = files.filter((f) => f.endsWith(".js"));
  const text = scripts.map((f) => readFileSync(join(assets, f), "latin1")).join("\n");
  const js = scripts.reduce((n, f) => n + gz(readFileSync(join(assets, f))), 0);
  const named = files.filter((f) => f.endsWith(".wasm") && text.includes(f));
  const wasm = named.reduce((n, f) => n + gz(readFileSync(join(assets, f))), 0);
  return { js, wasm, total: js + wasm, emitted: files.filter((f) => f.endsWith(".wasm")).length, named: named.length };
}

const pydantic = `{ type: "object", $defs: { Address: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
  properties: { name: { type: "string" }, address: { anyOf: [{ $ref: "#/$defs/Address" }, { type: "null" }] }, kind: { oneOf: [{ const: "a" }, { const: "b" }] } }, required: ["name"] }`;

const rows = [
  ["ClientSecretSource", `import { ClientSecretSource } from "./index.js"; const s = new ClientSecretSource(); window.g = s.getClientSecret;`,
    "ky (retry, timeout)", `import ky from "ky"; window.g = () => ky.post("/api/chatkit/start", { retry: 3, timeout: 10000 }).json();`],
  ["createAuthFetch", `import { createAuthFetch } from "./index.js"; window.f = createAuthFetch({ token: () => "t" });`,
    "ky + a beforeRequest hook", `import ky from "ky"; window.f = ky.create({ hooks: { beforeRequest: [(r) => r.headers.set("authorization", "Bearer t")] } });`],
  ["ChatKitAnalytics", `import { ChatKitAnalytics } from "./index.js"; window.a = new ChatKitAnalytics({ endpoint: "/a" });`,
    "posthog-js-lite + tdigest", `import { PostHog } from "posthog-js-lite"; import TDigest from "tdigest"; window.a = [new PostHog("k"), new TDigest.TDigest()];`],
  ["ClientTools (pydantic-style schema)", `import { ClientTools } from "./index.js"; window.t = new ClientTools().register("x", { parameters: ${pydantic}, handler: () => ({}) });`,
    "@cfworker/json-schema + p-timeout", `import { Validator } from "@cfworker/json-schema"; import pTimeout from "p-timeout"; window.t = [new Validator(${pydantic}, "2020-12"), pTimeout];`],
  ["withTimeout", `import { withTimeout } from "./index.js"; window.w = withTimeout;`,
    "p-timeout", `import pTimeout from "p-timeout"; window.w = pTimeout;`],
  ["every browser feature on one page", `import * as g from "./index.js"; window.g = [new g.ClientSecretSource(), g.createAuthFetch({ token: () => "t" }), new g.ChatKitAnalytics(), new g.ClientTools().register("x", { parameters: ${pydantic}, handler: () => ({}) }), g.withTimeout, g.checkOptions];`,
    "the five peers together", `import ky from "ky"; import { Validator } from "@cfworker/json-schema"; import pTimeout from "p-timeout"; import { PostHog } from "posthog-js-lite"; import TDigest from "tdigest"; window.g = [ky, Validator, pTimeout, PostHog, TDigest];`],
];

const measured = [];
for (const [name, code, peerName, peerCode] of rows) {
  measured.push({ name, us: await ours(code), peerName, peer: await peer(peerCode), viteUs: await vite(code, true), vitePeer: await vite(peerCode, false) });
}

const f = (n) => kib(n).toFixed(1);
const table = measured
  .map((m) => `| ${m.name} | ${f(m.us.total)} | ${f(m.us.js)} | ${f(m.us.wasm)} | ${m.peerName} | ${f(m.peer.total)} | ${(m.us.total / m.peer.total).toFixed(2)}× |`)
  .join("\n");
const viteTable = measured
  .map((m) => `| ${m.name} | ${f(m.viteUs.total)} | ${f(m.viteUs.js)} | ${f(m.viteUs.wasm)} | ${f(m.us.total)} | ${m.peerName} | ${f(m.vitePeer.total)} | ${(m.viteUs.total / m.vitePeer.total).toFixed(2)}× |`)
  .join("\n");
const chart = writeChart("bytes", {
  title: "KiB a page downloads (gzip -9), chatkit-glue beside its JS peers",
  unit: "KiB",
  rows: measured.flatMap((m) => [
    { label: m.name, value: kib(m.us.total), ours: true },
    { label: m.peerName, value: kib(m.peer.total), ours: false },
  ]),
});
writeSection(
  "Bytes a page downloads",
  `Measured ${new Date().toISOString().slice(0, 10)} with \`node benches/sizes.mjs\`: each entry is a file that imports and uses one export, bundled by esbuild (minified, tree-shaken, browser conditions), gzip -9; for chatkit-glue, plus the gzipped .wasm modules that entry loads. The peers are what a user would pick to write the same glue by hand, bundled the same way in the same run (they do less: no refresh guard, no redaction, no single-flight).

| entry | chatkit-glue KiB | of it JS | of it .wasm | peer | peer KiB | ratio |
|---|---|---|---|---|---|---|
${table}

![KiB per entry beside the peers](${chart})

The same entries built by Vite ${viteVersion} (\`vite build\` with its defaults, in the same run), gzip -9 of every JavaScript file it emits and of each .wasm that JavaScript names (Vite also emits the .wasm files of the features an entry does not use, since it publishes a \`new URL(...)\` asset before tree-shaking drops the code naming it; a page never fetches those):

| entry | Vite: chatkit-glue KiB | of it JS | of it .wasm | esbuild KiB (above) | peer | Vite: peer KiB | ratio |
|---|---|---|---|---|---|---|---|
${viteTable}`,
);
