// The wasm-bindgen-generated .d.ts is compared with the checked-in snapshot, so every
// change to what the module exports is a visible diff. UPDATE_SNAPSHOTS=1 rewrites it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { jsRoot } from "../lib/bundle.mjs";

const snapshot = join(jsRoot, "../snapshots/chatkit_glue.d.ts");

test("generated bindings .d.ts matches tests/snapshots/chatkit_glue.d.ts", () => {
  const generated = readFileSync(join(jsRoot, "../../pkg/chatkit_glue.d.ts"), "utf8");
  if (process.env.UPDATE_SNAPSHOTS === "1") writeFileSync(snapshot, generated);
  assert.equal(generated, readFileSync(snapshot, "utf8"), "run scripts/test with UPDATE_SNAPSHOTS=1 after an intended change");
});
