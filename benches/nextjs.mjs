// What the example Next.js app's pages download, built by `next build` with Turbopack and
// with webpack against the packed tarball, with `assetPrefix` on a second origin: the app
// runs under `next start` on origin A, its static assets (.next/static) come from a small
// static server on origin B (CORS and `application/wasm`, as a CDN would send them).
// Headless Chromium opens each page that uses a feature, uses it (a client secret, a
// message through the custom backend, a client tool), and the network log gives every
// response; each JS chunk and .wasm is gzipped (-9) and each chunk's source map splits it
// into chatkit-glue's code and the rest (Next's and React's runtime, the app, ...).
// Checks: every .wasm came from origin B with 200, `application/wasm` and an
// Access-Control-Allow-Origin header; the features worked (so the modules compiled); no
// console or page error; no .wasm of a feature the page does not use. Writes the
// "In a Next.js app" section of BENCHMARKS.md and the whole log to target/nextjs-bench/.
//
//   node benches/nextjs.mjs [--only turbopack|webpack] [--no-write]
//
// After scripts/build (and scripts/setup: the example's node_modules and the ChatKit
// server's .venv). The app is built in an isolated copy, target/nextjs-bench/app: the
// example's sources, a hard-linked copy of its node_modules with the fresh tarball
// unpacked as node_modules/chatkit-glue, and a next.config.ts with two lines added
// (`assetPrefix`, `productionBrowserSourceMaps`); examples/nextjs is not touched. The
// source maps only add a `//# sourceMappingURL` comment to each chunk, which is left out
// of the sizes. Not part of scripts/test: it takes a few minutes (two `next build`s).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { machine, repoRoot, writeSection } from "./lib.mjs";
import { launch } from "../tests/js/lib/browser.mjs";
import { requireTarball, pkgDir, run, timed } from "../tests/packaging/lib.mjs";
import { BUNDLERS } from "../tests/packaging/nextjs-app.mjs";
import { CHATKIT_SCRIPT_URL, chatPage, send, signInApi, startStack, waitText } from "../tests/e2e/lib.mjs";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
if (only && !BUNDLERS[only]) fail(`--only takes ${Object.keys(BUNDLERS).join(" or ")}, not ${only}`);
const write = !args.includes("--no-write");
const bundlers = Object.values(BUNDLERS).filter((b) => !only || b.name === only);

const exampleDir = join(repoRoot, "examples", "nextjs");
const work = join(repoRoot, "target", "nextjs-bench");
const appDir = join(work, "app");
const nextBin = join(appDir, "node_modules", "next", "dist", "bin", "next");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1);

function fail(message) {
  throw new Error(`benches/nextjs.mjs: ${message}`);
}

/** The features' modules each page must load, and no other: what a user of the page does. */
const PAGES = [
  {
    name: "hosted",
    path: "/hosted",
    features: ["analytics", "secrets", "tools"],
    esbuild: (r) => ({ label: "hosted page", ...r.pages["hosted page"] }),
    async use(page, rec) {
      // ChatKit (the stand-in at its script URL) asks for a client secret, then a client
      // tool runs from the panel, and analytics delivers a batch.
      await page.waitForFunction(() => window.__chatkitStandin?.secrets[0]?.ok === true, null, { timeout: 30_000 });
      await page.click('[data-testid="try-add-note"]');
      await waitText(page, "try-result", /add_note: \{"added":true/);
      await analyticsSent(rec);
    },
  },
  {
    name: "custom",
    path: "/custom",
    features: ["analytics", "auth_fetch", "tools"],
    esbuild: (r) => ({ label: "custom-backend page", ...r.pages["custom-backend page"] }),
    async use(page, rec) {
      // A message through the auth fetch to the ChatKit server, whose client tool call
      // the page's ClientTools answers; analytics delivers a batch.
      await page.locator('[data-testid="script-status"]', { hasText: /^standin$/ }).waitFor({ state: "attached", timeout: 30_000 });
      const s = await send(page, "add note bench", 1);
      if (s.toolCalls[0]?.result?.added !== true) fail(`the custom page's tool call did not add a note: ${JSON.stringify(s.toolCalls)}`);
      if (rec.authHeaders.length === 0 || !rec.authHeaders.every((h) => /^Bearer /.test(h ?? ""))) {
        fail("a /api/chatkit request left without the app's token");
      }
      await analyticsSent(rec);
    },
  },
  {
    name: "smoke (ClientTools, withTimeout)",
    path: "/smoke",
    features: ["tools"],
    esbuild: (r) => ({ label: "ClientTools alone", ...r.perExport.ClientTools }),
    async use(page) {
      await page.waitForFunction(
        () => document.querySelector('[data-testid="tool-result"]')?.textContent === '{"sum":3}' &&
          document.querySelector('[data-testid="timeout-code"]')?.textContent === "timeout",
        null,
        { timeout: 30_000 },
      );
    },
  },
];

async function analyticsSent(rec) {
  const deadline = Date.now() + 20_000;
  while (rec.analyticsPayloads.length === 0) {
    if (Date.now() > deadline) fail("analytics sent no batch to /api/analytics within 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------
// The isolated copy of the example

function wasmSum(dir) {
  return readdirSync(dir)
    .filter((f) => /^chatkit_glue_\w+_bg\.wasm$/.test(f))
    .sort()
    .map((f) => `${f}:${sha256(readFileSync(join(dir, f)))}`)
    .join("\n");
}

/**
 * target/nextjs-bench/app: the example's sources (copied each run), its node_modules
 * hard-linked from examples/nextjs/node_modules (files are only ever added or removed in
 * the copy, never written, so the originals stay as they are) with the fresh tarball
 * unpacked as node_modules/chatkit-glue, and next.config.ts with the bench's two lines.
 */
function prepareApp() {
  const tgz = requireTarball();
  const sourceModules = join(exampleDir, "node_modules");
  if (!existsSync(join(sourceModules, "next", "package.json"))) {
    fail(`${sourceModules} has no next: run scripts/setup (it runs npm ci in examples/nextjs)`);
  }
  const realModules = realpathSync(sourceModules);
  mkdirSync(appDir, { recursive: true });
  // The node_modules copy is redone when the example's lockfile install or the tarball changed.
  const setupStamp = join(realModules, ".setup-stamp");
  const stamp = [
    existsSync(setupStamp) ? readFileSync(setupStamp, "utf8").trim() : `mtime ${statSync(join(realModules, ".package-lock.json")).mtimeMs}`,
    sha256(readFileSync(tgz)),
  ].join(" ");
  const stampFile = join(work, "node_modules.stamp");
  const modules = join(appDir, "node_modules");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp || !existsSync(join(modules, "chatkit-glue"))) {
    rmSync(stampFile, { force: true });
    rmSync(modules, { recursive: true, force: true });
    execFileSync("cp", ["-a", "-l", realModules, modules]);
    // Only unlinks the copy's entries: the tarball someone installed in the example stays.
    rmSync(join(modules, "chatkit-glue"), { recursive: true, force: true });
    const unpack = mkdtempSync(join(work, "unpack-"));
    execFileSync("tar", ["-xzf", tgz, "-C", unpack]);
    renameSync(join(unpack, "package"), join(modules, "chatkit-glue"));
    rmSync(unpack, { recursive: true, force: true });
    writeFileSync(stampFile, stamp);
  }
  if (wasmSum(join(modules, "chatkit-glue")) !== wasmSum(pkgDir())) {
    fail(`the .wasm modules in ${tgz} are not those in ${pkgDir()}: run scripts/build`);
  }
  // Sources: everything of the example but its installs, builds and data.
  const keep = new Set(["node_modules", ".next", ".next-webpack"]);
  for (const entry of readdirSync(appDir)) if (!keep.has(entry)) rmSync(join(appDir, entry), { recursive: true, force: true });
  const skip = new Set(["node_modules", ".next", ".next-webpack", ".data", ".install-lock", "next-env.d.ts"]);
  cpSync(exampleDir, appDir, {
    recursive: true,
    filter: (src) => src === exampleDir || !skip.has(relative(exampleDir, src).split(sep)[0]),
  });
  const configFile = join(appDir, "next.config.ts");
  const anchor = "const nextConfig: NextConfig = {\n";
  const config = readFileSync(configFile, "utf8");
  if (!config.includes(anchor)) fail(`examples/nextjs/next.config.ts no longer has the line \`${anchor.trim()}\` the bench adds its settings after`);
  writeFileSync(
    configFile,
    config.replace(
      anchor,
      `${anchor}  // benches/nextjs.mjs: static assets from another origin; source maps to attribute bytes.\n` +
        `  assetPrefix: process.env.BENCH_ASSET_PREFIX || undefined,\n  productionBrowserSourceMaps: true,\n`,
    ),
  );
  return JSON.parse(readFileSync(join(modules, "chatkit-glue", "package.json"), "utf8")).version;
}

// ---------------------------------------------------------------------------------------
// Origin B: the build's static assets, as a CDN serves them

const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `<distDir>/static/*` at `/_next/static/*` with CORS; resolves to { origin, log, root(), close() }. */
function staticServer() {
  const log = [];
  let root = null;
  const server = createServer((req, res) => {
    const headers = { "access-control-allow-origin": "*", "timing-allow-origin": "*", "cache-control": "no-store" };
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const done = (status, extra = {}) => {
      log.push({ method: req.method, path, status });
      res.writeHead(status, { ...headers, ...extra });
    };
    if (req.method === "OPTIONS") return done(204, { "access-control-allow-methods": "GET, HEAD" }), res.end();
    const rel = path.startsWith("/_next/static/") ? path.slice("/_next/static/".length) : null;
    const file = rel && root ? join(root, rel) : null;
    if (!file || !file.startsWith(root + sep) || rel.split("/").includes("..") || !existsSync(file) || !statSync(file).isFile()) {
      return done(404, { "content-type": "text/plain" }), res.end("not found");
    }
    const ext = file.slice(file.lastIndexOf("."));
    done(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "content-length": statSync(file).size });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        log,
        serve: (dir) => (root = dir),
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      }),
    );
  });
}

// ---------------------------------------------------------------------------------------
// Source maps: which bytes of a chunk are chatkit-glue's

const B64 = Object.fromEntries([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** Decodes a v3 map's `mappings` into [line][{ col, source }] (source: index or -1). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(",")) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of seg) {
        const digit = B64[c];
        if (digit === undefined) throw new Error(`bad source map character ${c}`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 1) source += fields[1];
      // Source line/column/name fields are not needed; skipping them is safe because
      // they are deltas of their own.
      segs.push({ col, source: fields.length > 1 ? source : -1 });
    }
    lines.push(segs);
  }
  return lines;
}

/** Segments of a (possibly indexed) map in generated coordinates: [{ line, col, path }]. */
function segmentsOf(map, base = { line: 0, column: 0 }) {
  if (map.sections) {
    return map.sections.flatMap((s) => {
      if (!s.map) return [];
      return segmentsOf(s.map, { line: base.line + s.offset.line, column: (s.offset.line === 0 ? base.column : 0) + s.offset.column });
    });
  }
  const sources = (map.sources ?? []).map((s) => (map.sourceRoot ?? "") + (s ?? ""));
  const out = [];
  decodeMappings(map.mappings ?? "").forEach((segs, i) => {
    for (const s of segs) {
      out.push({ line: base.line + i, col: (i === 0 ? base.column : 0) + s.col, path: s.source >= 0 ? sources[s.source] : null });
    }
  });
  return out;
}

/**
 * What a source file is: chatkit-glue, the framework (Next, React, the bundler's runtime),
 * ChatKit's React bindings, other packages, the app. Next ships maps of its own compiled
 * code, so webpack's maps name Next's sources as `../../src/client/...` (outside the app)
 * and its generated entries as `?hash`: anything that is neither a package nor the app's
 * `app/` and `lib/` is the framework's.
 */
function kindOf(path) {
  if (path === null) return "unmapped";
  const p = path.replace(/\\/g, "/").replace(/^webpack:\/\/_N_E\//, "").replace(/^turbopack:\/\/\/\[project\]\//, "").replace(/^\.\//, "");
  if (p.startsWith("node_modules/chatkit-glue/")) return "glue";
  if (/^node_modules\/(next|react|react-dom|scheduler|@swc\/helpers|styled-jsx)\//.test(p)) return "framework";
  if (p.startsWith("node_modules/@openai/")) return "chatkit-react";
  if (p.startsWith("node_modules/")) return "packages";
  if (/^(app|lib)\//.test(p)) return "app";
  return "framework";
}

const KINDS = ["glue", "framework", "chatkit-react", "packages", "app", "unmapped"];

/** The chunk's text split by kind (each kind's pieces concatenated in order). */
function attribute(text, map) {
  const parts = Object.fromEntries(KINDS.map((k) => [k, []]));
  const lines = text.split("\n");
  const segs = segmentsOf(map).sort((a, b) => a.line - b.line || a.col - b.col);
  const byLine = new Map();
  for (const s of segs) (byLine.get(s.line) ?? byLine.set(s.line, []).get(s.line)).push(s);
  lines.forEach((line, i) => {
    const s = byLine.get(i) ?? [];
    let at = 0;
    let kind = "unmapped";
    for (const seg of s) {
      if (seg.col > at) parts[kind].push(line.slice(at, seg.col));
      at = Math.max(at, seg.col);
      kind = kindOf(seg.path);
    }
    parts[kind].push(line.slice(at) + "\n");
  });
  return Object.fromEntries(KINDS.map((k) => [k, parts[k].join("")]));
}

const stripMapComment = (text) => text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");

// ---------------------------------------------------------------------------------------
// One bundler: build, serve, open the pages

async function measureBundler(bundler, { sizeReport, browser }) {
  const cdn = await staticServer();
  const dist = join(appDir, bundler.distDir);
  cdn.serve(join(dist, "static"));
  const env = { NEXT_DIST_DIR: bundler.distDir, BENCH_ASSET_PREFIX: cdn.origin, EXAMPLE_SKIP_TYPECHECK: "1" };
  let stack = null;
  try {
    const buildStart = performance.now();
    await timed(`${bundler.name}: next ${bundler.buildArgs.join(" ")} (assetPrefix ${cdn.origin})`, () =>
      run(process.execPath, [nextBin, ...bundler.buildArgs], { cwd: appDir, env: { NEXT_TELEMETRY_DISABLED: "1", ...env } }),
    );
    const buildSeconds = (performance.now() - buildStart) / 1000;

    // Every .wasm the build emitted: served by origin B as a browser needs it, and compiles.
    const emitted = readdirSync(join(dist, "static"), { recursive: true }).filter((f) => f.endsWith(".wasm")).map((f) => f.split(sep).join("/"));
    if (emitted.length === 0) fail(`${bundler.name}: the build emitted no .wasm under ${dist}/static`);
    const emittedChecks = [];
    for (const f of emitted) {
      const url = `${cdn.origin}/_next/static/${f}`;
      const res = await fetch(url, { headers: { origin: "http://127.0.0.1:1" } });
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get("content-type");
      if (res.status !== 200 || type !== "application/wasm" || !res.headers.get("access-control-allow-origin")) {
        fail(`${bundler.name}: ${url} answered ${res.status} ${type} ACAO=${res.headers.get("access-control-allow-origin")}`);
      }
      await WebAssembly.compile(bytes).catch((e) => fail(`${bundler.name}: ${f} does not compile: ${e.message}`));
      emittedChecks.push({ file: f, bytes: bytes.length, gzip: gz(bytes) });
    }

    stack = await timed(`${bundler.name}: the stand-ins and next start`, () => startStack("start", { dir: appDir, env }));
    const session = await signInApi(stack);
    const pages = [];
    for (const spec of PAGES) {
      pages.push(await timed(`${bundler.name}: ${spec.path}`, () => measurePage(spec, { bundler, stack, session, browser, cdn, dist, sizeReport })));
    }
    const serverErrors = stack.app.output().split("\n").filter((l) => /wasm/i.test(l) && /(error|⨯|failed)/i.test(l));
    if (serverErrors.length) fail(`${bundler.name}: next start printed errors about wasm:\n${serverErrors.join("\n")}`);
    return { bundler: bundler.name, buildSeconds, emitted: emittedChecks, pages };
  } finally {
    await stack?.stop().catch((e) => console.error(`stopping the stack: ${e.message}`));
    await cdn.close();
  }
}

async function measurePage(spec, { bundler, stack, session, browser, cdn, dist, sizeReport }) {
  const rec = await chatPage(browser, { session });
  const { page, context, log } = rec;
  const pending = [];
  const failed = [];
  page.on("requestfinished", (req) => pending.push(collect(req)));
  page.on("requestfailed", (req) => failed.push({ url: req.url(), error: req.failure()?.errorText }));
  try {
    await page.goto(stack.url + spec.path, { waitUntil: "load" });
    try {
      await spec.use(page, rec);
    } catch (err) {
      throw new Error(
        `${bundler.name} ${spec.path}: the page's features did not work: ${err.message}\n` +
          `console errors: ${JSON.stringify(log.consoleErrors)}\npage errors: ${JSON.stringify(log.pageErrors)}\nfailed requests: ${JSON.stringify(failed)}`,
      );
    }
    // Let late requests (prefetches, a second analytics batch) finish.
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(300);
    const responses = await Promise.all(pending);

    // The checks.
    const problems = [];
    const wasm = responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"));
    for (const r of wasm) {
      if (r.origin !== cdn.origin) problems.push(`${r.url} came from ${r.origin}, not the asset origin ${cdn.origin}`);
      if (r.status !== 200) problems.push(`${r.url} answered ${r.status}`);
      if (!r.contentType.startsWith("application/wasm")) problems.push(`${r.url} came as ${r.contentType}`);
      if (!r.acao) problems.push(`${r.url} came without Access-Control-Allow-Origin`);
    }
    const loaded = wasm.map((r) => /chatkit_glue_(\w+?)_bg/.exec(r.url)?.[1] ?? r.url).sort();
    if (JSON.stringify(loaded) !== JSON.stringify(spec.features)) {
      problems.push(`the page fetched the modules [${loaded}], expected exactly [${spec.features}]`);
    }
    const staticFromApp = responses.filter((r) => r.origin === stack.url && new URL(r.url).pathname.startsWith("/_next/static/"));
    if (staticFromApp.length) problems.push(`static assets from the app's origin despite assetPrefix: ${staticFromApp.map((r) => r.url)}`);
    if (log.consoleErrors.length) problems.push(`console errors: ${JSON.stringify(log.consoleErrors)}`);
    if (log.pageErrors.length) problems.push(`page errors: ${JSON.stringify(log.pageErrors)}`);
    // Next's router cancels its own RSC prefetches (`?_rsc=`) when it no longer needs them.
    const failures = failed.filter((f) => !(f.error === "net::ERR_ABORTED" && new URL(f.url).searchParams.has("_rsc")));
    if (failures.length) problems.push(`failed requests: ${JSON.stringify(failures)}`);
    if (log.blocked.length) problems.push(`requests off 127.0.0.1: ${JSON.stringify(log.blocked)}`);
    if (problems.length) fail(`${bundler.name} ${spec.path}:\n  ${problems.join("\n  ")}`);

    // The sizes: every response but the HTML document and ChatKit's script (its stand-in here).
    const totals = { js: 0, wasm: 0, css: 0, data: 0, other: 0, wasmFiles: wasm.length };
    const byKind = Object.fromEntries(KINDS.map((k) => [k, ""]));
    const chunks = [];
    for (const r of responses) {
      r.kind = r.resourceType === "document" ? "document" : r.url === CHATKIT_SCRIPT_URL ? "chatkit-script" : categorize(r);
      if (r.kind === "document" || r.kind === "chatkit-script" || !r.body) continue;
      if (r.kind === "js") {
        const full = r.body.toString("utf8");
        const text = stripMapComment(full);
        r.gzip = gz(Buffer.from(text));
        totals.js += r.gzip;
        // The map the chunk names (Turbopack's have names of their own), read from the build.
        const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(full)?.[1];
        const mapPath = mapName ? new URL(mapName, r.url).pathname : "";
        const mapFile = r.origin === cdn.origin && mapPath.startsWith("/_next/static/") ? join(dist, "static", mapPath.slice("/_next/static/".length)) : null;
        if (mapFile && existsSync(mapFile)) {
          const parts = attribute(text, JSON.parse(readFileSync(mapFile, "utf8")));
          for (const k of KINDS) byKind[k] += parts[k];
          chunks.push({ url: r.url, gzip: r.gzip, glueChars: parts.glue.length });
        } else {
          byKind.unmapped += text;
          chunks.push({ url: r.url, gzip: r.gzip, glueChars: null, note: "no source map" });
        }
      } else {
        r.gzip = gz(r.body);
        totals[r.kind] += r.gzip;
      }
    }
    const js = Object.fromEntries(KINDS.map((k) => [k, { raw: Buffer.byteLength(byKind[k]), gzip: byKind[k] ? gz(Buffer.from(byKind[k])) : 0 }]));
    console.log(`${bundler.name} ${spec.path}: ${responses.length} responses`);
    for (const r of responses) {
      console.log(
        `  ${String(r.status).padEnd(3)} ${r.kind.padEnd(14)} ${(r.contentType || "-").split(";")[0].padEnd(24)} ` +
          `transferred ${String(r.transferred ?? "-").padStart(7)} decoded ${String(r.decoded ?? "-").padStart(7)} gzip ${String(r.gzip ?? "-").padStart(6)}  ${r.url}`,
      );
    }
    const esbuild = spec.esbuild(sizeReport);
    return {
      page: spec.name,
      path: spec.path,
      features: spec.features,
      totals,
      js,
      esbuild: { label: esbuild.label, js: esbuild.js.gzip, total: esbuild.total.gzip },
      chunks,
      network: responses.map(({ body, ...r }) => r),
    };
  } finally {
    await context.close();
  }
}

function categorize(r) {
  const type = r.contentType;
  if (new URL(r.url).pathname.endsWith(".wasm")) return "wasm";
  if (/javascript/.test(type) || r.resourceType === "script") return "js";
  if (/text\/css/.test(type)) return "css";
  if (["fetch", "xhr", "eventsource"].includes(r.resourceType) || /json|x-component|event-stream/.test(type)) return "data";
  return "other";
}

async function collect(req) {
  const url = req.url();
  const res = await req.response();
  const sizes = await req.sizes().catch(() => null);
  const body = res ? await res.body().catch(() => null) : null;
  const headers = res ? await res.allHeaders() : {};
  return {
    url,
    origin: new URL(url).origin,
    method: req.method(),
    resourceType: req.resourceType(),
    status: res?.status() ?? 0,
    contentType: headers["content-type"] ?? "",
    acao: headers["access-control-allow-origin"] ?? null,
    encoding: headers["content-encoding"] ?? null,
    transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : null,
    decoded: body?.length ?? null,
    body,
  };
}

// ---------------------------------------------------------------------------------------

function report(results, { version, nextVersion }) {
  const rows = [];
  const split = [];
  for (const page of PAGES) {
    for (const r of results) {
      const p = r.pages.find((x) => x.path === page.path);
      const glue = p.js.glue.gzip + p.totals.wasm;
      rows.push(
        `| ${p.page} | ${r.bundler} | ${kib(p.totals.js)} | ${kib(p.js.glue.gzip)} | ${kib(p.totals.wasm)} | ${p.totals.wasmFiles} | ` +
          `**${kib(glue)}** | ${kib(p.esbuild.total)} (${p.esbuild.label}) | ${kib(p.totals.js + p.totals.wasm)} | ${kib(p.totals.css + p.totals.other)} |`,
      );
      split.push(
        `| ${p.page} | ${r.bundler} | ${KINDS.map((k) => kib(p.js[k].gzip)).join(" | ")} |`,
      );
    }
  }
  const builds = results
    .map((r) => `${r.bundler} ${r.buildSeconds.toFixed(0)} s, emitted ${r.emitted.length} .wasm (${r.emitted.map((e) => e.file.split("/").pop()).join(", ")})`)
    .join("; ");
  return `Measured ${new Date().toISOString().slice(0, 10)} with \`node benches/nextjs.mjs\` (${machine()}): chatkit-glue ${version} from the packed tarball in the example app (examples/nextjs), Next ${nextVersion}, \`next build\` with Turbopack and with webpack, \`assetPrefix\` set to a second origin (a static server for \`.next/static\` sending \`Access-Control-Allow-Origin: *\` and \`Content-Type: application/wasm\`), the app under \`next start\`. Headless Chromium opens each page signed in, with the ChatKit stand-in at ChatKit's script URL, and uses its features: hosted, a client secret, a client tool from the panel and an analytics batch; custom backend, a message through the auth fetch whose client tool call the page answers, and a batch; the smoke page, a client tool and \`withTimeout\`. Checked on every page: each \`.wasm\` came from the asset origin with 200, \`application/wasm\` and an \`Access-Control-Allow-Origin\` header, exactly the page's features' modules were fetched, no console or page error. Builds: ${builds}.

KiB, gzip -9 of each response the page downloaded (the HTML document and ChatKit's script excluded; JS without its \`sourceMappingURL\` comment). *of it chatkit-glue* is the part of the JS chunks that their source maps attribute to \`node_modules/chatkit-glue\`, gzipped together; the esbuild figure is \`scripts/build\`'s (\`target/size-report.json\`) for the same features, JS + .wasm.

| page | bundler | JS, all | of it chatkit-glue | .wasm | .wasm files | chatkit-glue (its JS + .wasm) | esbuild, same features | JS + .wasm, all | CSS and other |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Where the page's JS comes from, by the chunks' source maps (KiB, gzip -9 of each part's code from all the page's chunks together, so the parts add up to a little more than the whole): *framework* is Next's client runtime with React (\`next\`, which bundles \`react-dom\`, its own sources, its generated entries) and the bundler's runtime; *ChatKit React* \`@openai/chatkit-react\`; *packages* the app's other dependencies (Better Auth's client, zod, ...); *app* the example's \`app/\` and \`lib/\`; *unmapped* chunk wrappers without a mapping:

| page | bundler | chatkit-glue | framework | ChatKit React | packages | app | unmapped |
|---|---|---|---|---|---|---|---|
${split.join("\n")}`;
}

async function main() {
  const sizeReportFile = join(repoRoot, "target", "size-report.json");
  if (!existsSync(sizeReportFile)) fail(`${sizeReportFile} is missing: run scripts/build`);
  const sizeReport = JSON.parse(readFileSync(sizeReportFile, "utf8"));
  for (const d of [join(repoRoot, "examples", "chatkit-server", ".venv", "bin", "python")]) {
    if (!existsSync(d)) fail(`${d} is missing: run scripts/setup`);
  }
  const version = await timed("prepare target/nextjs-bench/app", async () => prepareApp());
  const nextVersion = JSON.parse(readFileSync(join(appDir, "node_modules", "next", "package.json"), "utf8")).version;
  const browser = await launch();
  const results = [];
  try {
    for (const bundler of bundlers) results.push(await measureBundler(bundler, { sizeReport, browser }));
  } finally {
    await browser.close().catch(() => {});
  }
  writeFileSync(join(work, "report.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`network log and chunks: ${relative(repoRoot, join(work, "report.json"))}`);
  const body = report(results, { version, nextVersion });
  if (write && bundlers.length === Object.keys(BUNDLERS).length) writeSection("In a Next.js app", body);
  else console.log(body);
}

try {
  await main();
} catch (err) {
  console.error(err?.stack ?? String(err));
  process.exitCode = 1;
}
// Every server this run started is stopped by now; exit even if a socket lingers.
process.exit();
