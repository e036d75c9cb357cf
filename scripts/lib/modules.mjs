// The package's WebAssembly modules: one per browser feature, each the crate built with
// that cargo feature alone. `node scripts/lib/modules.mjs` prints the features for
// scripts/build.
import { fileURLToPath } from "node:url";

/**
 * Cargo feature -> file stem (chatkit_glue_<stem>.js, chatkit_glue_<stem>_bg.wasm), and
 * whether its facade calls wasm-bindgen's generated functions (`namespace`) or only the
 * module's raw exports through the I/O buffer (then a bundler drops the generated
 * wrappers).
 */
export const MODULES = [
  { feature: "secrets", namespace: false },
  { feature: "auth-fetch", namespace: true },
  { feature: "tools", namespace: false },
  { feature: "analytics", namespace: false },
].map((m) => ({ ...m, name: m.feature.replace(/-/g, "_") }));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(MODULES.map((m) => m.feature).join(" "));
}
