// The package's WebAssembly modules: one per browser feature, each the crate built with
// that cargo feature alone. `node scripts/lib/modules.mjs` prints the features for
// scripts/build.
import { fileURLToPath } from "node:url";

/** Cargo feature -> file stem (chatkit_glue_<stem>.js, chatkit_glue_<stem>_bg.wasm). */
export const MODULES = ["secrets", "auth-fetch", "tools", "analytics"].map((feature) => ({
  feature,
  name: feature.replace(/-/g, "_"),
}));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(MODULES.map((m) => m.feature).join(" "));
}
