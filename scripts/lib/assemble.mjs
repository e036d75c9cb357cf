// Turns wasm-pack's output (target/wasm-pack) and pkg-template/ into the npm package in
// pkg/, prints the sizes a browser downloads, and packs target/npm/chatkit-glue.tgz.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { sizesOf, formatSizes } from "./sizes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const from = join(root, "target/wasm-pack");
const template = join(root, "pkg-template");
const out = join(root, "pkg");

const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// wasm-bindgen's glue: internal. Its default module path (`new URL(..., import.meta.url)`)
// is never used, since the facade fetches the .wasm itself to report load failures
// precisely; removing it keeps bundlers from emitting the asset a second time.
let glue = readFileSync(join(from, "chatkit_glue.js"), "utf8");
const defaultPath = /module_or_path = new URL\('chatkit_glue_bg\.wasm', import\.meta\.url\);/;
if (!defaultPath.test(glue)) {
  throw new Error("assemble: wasm-bindgen's default module path was not found; check the glue of this wasm-bindgen version");
}
glue = glue.replace(defaultPath, "throw new Error('chatkit-glue: the module is loaded by the package facade');");
writeFileSync(join(out, "chatkit_glue.js"), glue);
copyFileSync(join(from, "chatkit_glue_bg.wasm"), join(out, "chatkit_glue_bg.wasm"));
// Internal types, kept for the snapshot test (not in the published files list).
copyFileSync(join(from, "chatkit_glue.d.ts"), join(out, "chatkit_glue.d.ts"));

const wasmBytes = readFileSync(join(out, "chatkit_glue_bg.wasm"));
writeFileSync(
  join(out, "wasm-inline.js"),
  `// The WebAssembly module, inlined for Node (compiled synchronously on first use).\nexport default "${wasmBytes.toString("base64")}";\n`,
);

// The facade, one file per runtime: only the loader differs.
const banner = `// chatkit-glue ${cargoVersion} (MIT). Generated from pkg-template/src by scripts/build.`;
for (const [outfile, loader] of [
  ["index.js", "load.browser.js"],
  ["index.node.js", "load.node.js"],
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
          build.onResolve({ filter: /^#load$/ }, () => ({ path: join(template, "src", loader) }));
          build.onResolve({ filter: /^#wasm$/ }, () => ({ path: "./chatkit_glue.js", external: true }));
          build.onResolve({ filter: /^#inline$/ }, () => ({ path: "./wasm-inline.js", external: true }));
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
const browserJs = await browserBundle({ entryPoints: [join(out, "index.js")] });
// And what each export costs alone, since an app's bundler drops the facade code of the
// exports it does not use (the .wasm is one module, whatever is imported).
const facade = await import(pathToFileURL(join(out, "index.node.js")).href);
const perExport = {};
for (const name of Object.keys(facade).sort()) {
  const alone = await browserBundle({
    stdin: { contents: `export { ${name} } from "./index.js";`, resolveDir: out, loader: "js" },
  });
  perExport[name] = sizesOf(alone);
}
const report = {
  version: cargoVersion,
  wasm: sizesOf(wasmBytes),
  js: sizesOf(browserJs),
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
