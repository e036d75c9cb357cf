// A trap inside the analytics module in Node: as in the browser test (tests/js/browser/
// trap.test.mjs), each module's exports are copied as it is instantiated so that a test
// can make one export run a real `unreachable` instruction.
import assert from "node:assert/strict";
import { test } from "node:test";

const copies = [];
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  const copy = { ...new RealInstance(module, imports).exports };
  copies.push(copy);
  return { exports: copy };
};
// (module (func (export "t") unreachable))
const unreachable = new RealInstance(
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11])),
).exports.t;
function trapNext(name) {
  const copy = copies.find((c) => typeof c[name] === "function");
  assert.ok(copy, `no module exports ${name}`);
  copy[name] = () => unreachable();
}

const { ChatKitAnalytics, ClientTools, isGlueError } = await import("chatkit-glue");

test("analytics in Node: a trap settles a waiting flush() and every later call with internal, reported once", async () => {
  const errors = [];
  const onError = (e, { source }) => errors.push([e.code, source]);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const a = new ChatKitAnalytics({ sink: () => gate, onError, flushIntervalMs: 60_000 });
  a.track("one", { n: 1 });
  const waiting = a.flush().catch((e) => e);
  trapNext("analytics_settle");
  const logged = [];
  const consoleError = console.error;
  console.error = (...args) => logged.push(args);
  try {
    release();
    const first = await waiting;
    assert.ok(isGlueError(first) && first.code === "internal", String(first));
    assert.ok(first.cause instanceof WebAssembly.RuntimeError);
    a.track("two", { n: 2 });
    const later = await a.flush().catch((e) => e);
    assert.equal(later, first, "the same error for every later call");
    const fresh = await new ChatKitAnalytics({ sink: () => {}, onError }).flush().catch((e) => e);
    assert.equal(fresh, first);
    assert.deepEqual(errors, [["internal", "internal"]], "reported once to onError");
    assert.equal(logged.length, 1, "logged once");
    a.dispose();
  } finally {
    console.error = consoleError;
  }
  // Another module keeps working.
  const tools = new ClientTools().register("echo", { handler: (p) => ({ echoed: p.x }) });
  assert.deepEqual(await tools.dispatch({ name: "echo", params: { x: 1 } }), { echoed: 1 });
});
