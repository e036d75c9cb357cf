// The package's WebAssembly modules: one per browser feature, each the crate built with
// that cargo feature alone. `node scripts/lib/modules.mjs` prints
// `feature:opt-level:inline-threshold` for scripts/build.
import { fileURLToPath } from "node:url";

/**
 * Cargo feature -> file stem (chatkit_glue_<stem>.js, chatkit_glue_<stem>_bg.wasm). Every
 * facade calls only its module's raw exports through the I/O buffer, so a bundler drops
 * wasm-bindgen's generated wrappers and loader. And rustc's opt-level for it: `z` where
 * it makes the module smaller (the schema compiler and checker: 34,801 → 31,047 B
 * gzipped), `s` where `z` does not
 * (secrets grows from 16,939 to 18,968 B at `z`; auth fetch and analytics change by
 * less than 300 B either way). `inline`, when set, is LLVM's inlining threshold for that
 * module: at `z` LLVM inlines almost nothing, so the JSON reader's and the checks' small
 * steps are calls; 30 lets the small ones inline (tools module +41 B gzipped, a 5-field
 * params check 1.9 to 1.6 µs in Node; 50 is +1.65 KB for 1.45 µs, `s` +3.3 KB for 1.3 µs).
 * The secrets and auth fetch modules take the threshold that makes them smallest, where
 * their calls are few per request: secrets at `s` 16,678 B, with 25 16,425 (10: 17,283,
 * 40: 16,483); auth fetch at `s` 11,742, at `z` with 100 11,619 (`z` alone is larger).
 * Measured with wasm-opt as shipped; the sizes move non-monotonically with the threshold.
 */
export const MODULES = [
  { feature: "secrets", opt: "s", inline: 25 },
  { feature: "auth-fetch", opt: "z", inline: 100 },
  { feature: "tools", opt: "z", inline: 30 },
  { feature: "analytics", opt: "s" },
].map((m) => ({ ...m, name: m.feature.replace(/-/g, "_") }));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(MODULES.map((m) => `${m.feature}:${m.opt}:${m.inline ?? ""}`).join(" "));
}
