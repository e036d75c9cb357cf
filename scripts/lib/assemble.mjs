// Turns wasm-pack's output (target/wasm-pack) and pkg-template/ into the npm package in
// pkg/, prints the sizes a browser downloads, and packs target/npm/chatkit-glue.tgz.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { MODULES } from "./modules.mjs";
import { sizesOf, formatSizes } from "./sizes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const from = join(root, "target/wasm-pack");
const template = join(root, "pkg-template");
const out = join(root, "pkg");

const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// wasm-bindgen's glue of each module: internal. Its default module path
// (`new URL(..., import.meta.url)`) is never used, since the facade fetches the .wasm
// itself to report load failures precisely; removing it keeps bundlers from emitting the
// asset a second time.
const defaultPath = /module_or_path = new URL\('chatkit_glue_\w+_bg\.wasm', import\.meta\.url\);/;
const wasmSizes = {};
for (const { name } of MODULES) {
  const stem = `chatkit_glue_${name}`;
  let glue = readFileSync(join(from, name, `${stem}.js`), "utf8");
  if (!defaultPath.test(glue)) {
    throw new Error("assemble: wasm-bindgen's default module path was not found; check the glue of this wasm-bindgen version");
  }
  glue = glue.replace(defaultPath, "throw new Error('chatkit-glue: the module is loaded by the package facade');");
  // The browser loader instantiates the module itself (load.browser.js), with the glue's
  // imports and its finishing step; wasm-bindgen's own loader is then left unused, and a
  // bundler drops it.
  if (!/^function __wbg_get_imports\(/m.test(glue) || !/^function __wbg_finalize_init\(instance, module\)/m.test(glue)) {
    throw new Error("assemble: wasm-bindgen's __wbg_get_imports or __wbg_finalize_init was not found; check the glue of this wasm-bindgen version");
  }
  glue += "export { __wbg_get_imports as imports, __wbg_finalize_init as finish };\n";
  writeFileSync(join(out, `${stem}.js`), glue);
  copyFileSync(join(from, name, `${stem}_bg.wasm`), join(out, `${stem}_bg.wasm`));
  // Internal types, kept for the snapshot test (not in the published files list).
  copyFileSync(join(from, name, `${stem}.d.ts`), join(out, `${stem}.d.ts`));
  const wasmBytes = readFileSync(join(out, `${stem}_bg.wasm`));
  wasmSizes[`${stem}_bg.wasm`] = sizesOf(wasmBytes);
  writeFileSync(
    join(out, `${stem}_inline.js`),
    `// The ${name} WebAssembly module, inlined for Node (compiled synchronously on first use).\nexport default "${wasmBytes.toString("base64")}";\n`,
  );
}

// `#module/<name>`: a feature's module, as each runtime loads it. In browsers the .wasm
// URL is a literal `new URL(..., import.meta.url)`, which bundlers publish as an asset
// and a page fetches only when the feature is used.
const loaders = {
  browser: (name) => `import { imports, finish } from "./chatkit_glue_${name}.js";
import { define } from ${JSON.stringify(join(template, "src/load.browser.js"))};
export default /* @__PURE__ */ define("${name}", {}, imports, finish, () => new URL("./chatkit_glue_${name}_bg.wasm", import.meta.url));
`,
  node: (name) => `import * as ns from "./chatkit_glue_${name}.js";
import base64 from "./chatkit_glue_${name}_inline.js";
import { define } from ${JSON.stringify(join(template, "src/load.node.js"))};
export default /* @__PURE__ */ define("${name}", ns, base64);
`,
};

// The facade, one file per runtime: only the loaders differ.
const banner = `// chatkit-glue ${cargoVersion} (MIT). Generated from pkg-template/src by scripts/build.`;
for (const [outfile, runtime] of [
  ["index.js", "browser"],
  ["index.node.js", "node"],
]) {
  await esbuild.build({
    entryPoints: [join(template, "src/index.js")],
    outfile: join(out, outfile),
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2020",
    banner: { js: banner },
    logLevel: "warning",
    plugins: [
      {
        name: "chatkit-glue-parts",
        setup(build) {
          build.onResolve({ filter: /^#load$/ }, () => ({ path: join(template, "src", `load.${runtime}.js`) }));
          build.onResolve({ filter: /^#module\/\w+$/ }, (args) => ({ path: args.path.slice(8), namespace: "module" }));
          build.onLoad({ filter: /.*/, namespace: "module" }, (args) => ({ contents: loaders[runtime](args.path), resolveDir: template, loader: "js" }));
          build.onResolve({ filter: /^\.\/chatkit_glue_\w+\.js$/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
}

copyFileSync(join(template, "index.d.ts"), join(out, "index.d.ts"));
copyFileSync(join(template, "README.md"), join(out, "README.md"));
copyFileSync(join(root, "LICENSE"), join(out, "LICENSE"));
const pkg = JSON.parse(readFileSync(join(template, "package.json"), "utf8"));
pkg.version = cargoVersion;
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");

// What a browser downloads: the .wasm, and the facade with the glue as an app's bundler
// would minify it.
/** The bytes an app's bundler would ship for `build` (entry or stdin), minified. */
async function browserBundle(build) {
  const result = await esbuild.build({
    ...build,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "warning",
  });
  return Buffer.from(result.outputFiles[0].contents);
}
// What a page downloads for an entry: the JS an app's bundler ships for it, plus every
// .wasm that JS names (a feature's module is fetched when the feature is first used).
const modulesNamed = (js) => [...new Set(js.toString("latin1").match(/chatkit_glue_\w+_bg\.wasm/g) || [])].sort();
function entry(js) {
  const modules = modulesNamed(js);
  const jsSizes = sizesOf(js);
  const sum = (k) => jsSizes[k] + modules.reduce((n, m) => n + wasmSizes[m][k], 0);
  return { js: jsSizes, modules, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
}
const browserJs = await browserBundle({ entryPoints: [join(out, "index.js")] });
// And what each export costs alone, since an app's bundler drops the facade code and the
// modules of the exports it does not use.
const facade = await import(pathToFileURL(join(out, "index.node.js")).href);
const perExport = {};
for (const name of Object.keys(facade).sort()) {
  const alone = await browserBundle({
    stdin: { contents: `export { ${name} } from "./index.js";`, resolveDir: out, loader: "js" },
  });
  perExport[name] = entry(alone);
}
// The two pages a ChatKit app has (hosted ChatKit or its own backend), each with client
// tools and analytics: what a real page downloads.
const pages = {};
for (const [name, code] of Object.entries({
  "hosted page": `import { ClientSecretSource, ClientTools, ChatKitAnalytics } from "./index.js"; window.p = [new ClientSecretSource(), new ClientTools(), new ChatKitAnalytics()];`,
  "custom-backend page": `import { createAuthFetch, ClientTools, ChatKitAnalytics } from "./index.js"; window.p = [createAuthFetch({ token: () => null }), new ClientTools(), new ChatKitAnalytics()];`,
})) {
  pages[name] = entry(await browserBundle({ stdin: { contents: code, resolveDir: out, loader: "js" } }));
}
const all = entry(browserJs);
const report = {
  version: cargoVersion,
  modules: wasmSizes,
  wasm: { raw: all.total.raw - all.js.raw, gzip: all.total.gzip - all.js.gzip, brotli: all.total.brotli - all.js.brotli },
  js: all.js,
  all,
  pages,
  perExport,
};
mkdirSync(join(root, "target"), { recursive: true });
writeFileSync(join(root, "target/size-report.json"), JSON.stringify(report, null, 2) + "\n");
console.log(formatSizes(report));

const npmDir = join(root, "target/npm");
rmSync(npmDir, { recursive: true, force: true });
mkdirSync(npmDir, { recursive: true });
const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", npmDir], { cwd: out, encoding: "utf8" }));
copyFileSync(join(npmDir, packed[0].filename), join(npmDir, "chatkit-glue.tgz"));
console.log(`packed target/npm/${packed[0].filename} (${packed[0].entryCount} files, ${packed[0].size} bytes) -> target/npm/chatkit-glue.tgz`);
