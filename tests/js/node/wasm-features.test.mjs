// The supported browsers in the README follow from the WebAssembly features the module
// use. This test validates each shipped .wasm with only those features enabled, so a
// toolchain upgrade that starts emitting another feature fails here, not in old browsers.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { jsRoot, packageDir, wasmFiles } from "../lib/bundle.mjs";

// Chrome/Edge 96+, Firefox 79+, Safari 15+, Node 18+ support all of these
// (reference types set the floor for Chrome; bulk memory for Firefox and Safari).
export const DOCUMENTED_FEATURES = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "reference-types"];

const wasmOpt = join(jsRoot, "../../node_modules/.bin/wasm-opt");

function validates(features, file) {
  const stripped = join(mkdtempSync(join(tmpdir(), "features-")), "m.wasm");
  execFileSync(wasmOpt, [join(packageDir(), file), "--strip-target-features", "-o", stripped]);
  try {
    execFileSync(wasmOpt, [stripped, "--mvp-features", ...features.map((f) => `--enable-${f}`), "-o", "/dev/null"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

test("no .wasm uses a WebAssembly feature beyond the documented ones", () => {
  assert.ok(wasmFiles().length >= 1);
  for (const file of wasmFiles()) assert.ok(validates(DOCUMENTED_FEATURES, file), `${file} needs a feature the README does not list`);
});

test("each documented feature is really used by some module (the browser floor is not stricter than needed)", () => {
  for (const f of DOCUMENTED_FEATURES) {
    const others = DOCUMENTED_FEATURES.filter((x) => x !== f);
    assert.ok(wasmFiles().some((file) => !validates(others, file)), `${f} is documented but unused`);
  }
});
