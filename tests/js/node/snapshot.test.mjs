// The wasm-bindgen-generated .d.ts of each module is compared with its checked-in
// snapshot, so every change to what a module exports is a visible diff.
// UPDATE_SNAPSHOTS=1 rewrites them.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { jsRoot } from "../lib/bundle.mjs";

const pkg = join(jsRoot, "../../pkg");
const snapshots = join(jsRoot, "../snapshots");
const generated = readdirSync(pkg).filter((f) => /^chatkit_glue_\w+\.d\.ts$/.test(f));

test("every module has a bindings snapshot, and every snapshot a module", () => {
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    for (const f of readdirSync(snapshots)) if (f.endsWith(".d.ts") && !generated.includes(f)) writeFileSync(join(snapshots, f), "");
  }
  const kept = readdirSync(snapshots).filter((f) => f.endsWith(".d.ts") && readFileSync(join(snapshots, f), "utf8") !== "");
  assert.deepEqual(kept.sort(), [...generated].sort());
});

// Symbol hashes of wasm-bindgen's closure shims change with any build input; the names
// and shapes are what the snapshot guards.
const normalize = (text) => text.replace(/__h[0-9a-f]{16}\b/g, "__h{hash}");

for (const file of generated) {
  test(`generated bindings ${file} matches tests/snapshots/${file}`, () => {
    const text = normalize(readFileSync(join(pkg, file), "utf8"));
    if (process.env.UPDATE_SNAPSHOTS === "1") writeFileSync(join(snapshots, file), text);
    assert.equal(text, readFileSync(join(snapshots, file), "utf8"), "run scripts/test with UPDATE_SNAPSHOTS=1 after an intended change");
  });
}
