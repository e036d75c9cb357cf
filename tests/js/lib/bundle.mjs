// Bundles a test page from the installed package the way an app's bundler would (the
// `browser` condition of its exports map), with the .wasm files copied beside the bundle.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const jsRoot = join(here, "..");
const require = createRequire(join(jsRoot, "package.json"));

/** The directory of the installed chatkit-glue package. */
export function packageDir() {
  return dirname(require.resolve("chatkit-glue/package.json"));
}

/** The package's WebAssembly modules (one per browser feature). */
export function wasmFiles() {
  return readdirSync(packageDir()).filter((f) => /^chatkit_glue_\w+_bg\.wasm$/.test(f));
}

/** Bundles pages/<name>.js into .build/<name>/ with an index.html; returns that dir. */
export async function bundlePage(name) {
  const out = join(jsRoot, ".build", name);
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(jsRoot, "pages", `${name}.js`)],
    outfile: join(out, "page.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["browser"],
    logLevel: "warning",
  });
  for (const wasm of wasmFiles()) copyFileSync(join(packageDir(), wasm), join(out, wasm));
  writeFileSync(
    join(out, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>${name}</title><script type="module" src="./page.js"></script>`,
  );
  return out;
}
