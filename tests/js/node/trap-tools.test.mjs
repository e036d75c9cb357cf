// A trap inside the tools module in Node: as in the browser test (tests/js/browser/
// trap.test.mjs), each module's exports are copied as it is instantiated so that a test
// can make one export run a real `unreachable` instruction. One file per trapped module:
// a module that trapped stays trapped for the process.
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

const { ClientSecretSource, ClientTools, isGlueError } = await import("chatkit-glue");

const schema = { type: "object", properties: { a: { type: "number" } }, required: ["a"] };

/** Runs `fn` with console.error captured; returns what was logged. */
async function quietly(fn) {
  const logged = [];
  const original = console.error;
  console.error = (...args) => logged.push(args.map(String).join(" "));
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return logged;
}

test("tools in Node: a trap in validate settles that dispatch and every later one with internal, in both error modes; secrets keep working", async () => {
  const asResult = new ClientTools();
  const asThrow = new ClientTools({ errorMode: "throw" });
  let ran = 0;
  for (const tools of [asResult, asThrow]) tools.register("sum", { parameters: schema, handler: (p) => (ran++, { s: p.a }) });
  // Before the trap both work.
  assert.deepEqual(await asResult.dispatch({ name: "sum", params: { a: 1 } }), { s: 1 });
  assert.deepEqual(await asThrow.dispatch({ name: "sum", params: { a: 2 } }), { s: 2 });
  ran = 0;
  let hit, laterResult, laterThrow, unknown, invalid, registered;
  const logged = await quietly(async () => {
    trapNext("tools_validate");
    hit = await asResult.dispatch({ name: "sum", params: { a: 3 } });
    laterResult = await asResult.dispatch({ name: "sum", params: { a: 4 } });
    laterThrow = await asThrow.dispatch({ name: "sum", params: { a: 5 } }).then(
      () => "resolved",
      (e) => e,
    );
    unknown = await asResult.dispatch({ name: "nope", params: {} });
    invalid = await asResult.dispatch({ name: "sum", params: { a: "x" } });
    try {
      new ClientTools().register("late", { parameters: schema, handler: () => ({}) });
      registered = "registered";
    } catch (e) {
      registered = e;
    }
  });
  const internal = { code: "internal", message: hit.error?.message, retryable: false, mayHaveCompleted: false };
  assert.deepEqual(hit, { error: internal });
  assert.deepEqual(laterResult, { error: internal });
  assert.ok(isGlueError(laterThrow) && laterThrow.code === "internal", String(laterThrow));
  assert.ok(laterThrow.cause instanceof WebAssembly.RuntimeError);
  assert.deepEqual(unknown, { error: internal }, "an unknown tool's answer needs the module too");
  assert.deepEqual(invalid, { error: internal }, "params are never judged by a trapped module");
  assert.ok(isGlueError(registered) && registered.code === "internal", "a schema compiled after the trap fails with internal");
  assert.equal(ran, 0, "no handler ran after the trap");
  assert.equal(logged.filter((t) => t.includes("internal error")).length, 1, "logged once");
  asResult.dispose();
  asThrow.dispose();

  // Another module keeps working.
  const realFetch = globalThis.fetch;
  globalThis.fetch = async () => new Response(JSON.stringify({ client_secret: "ek_node_tools", expires_after: 600 }));
  try {
    const s = new ClientSecretSource({ startUrl: "https://app.example/api/chatkit/start", refreshUrl: "https://app.example/api/chatkit/refresh" });
    assert.equal(await s.getClientSecret(null), "ek_node_tools");
  } finally {
    globalThis.fetch = realFetch;
  }
});

// The contract (API.md: "every pending and later call of every feature settles with
// internal"): a dispatch whose handler is running when the module traps, and a later
// dispatch of a tool that needs no module call (no schema, or a Standard Schema), settle
// with internal too.
test(
  "tools in Node: after a trap, a dispatch in flight and a later schema-less dispatch also settle with internal",
  async () => {
    const tools = new ClientTools();
    let release;
    const gate = new Promise((r) => (release = r));
    tools.register("slow", { handler: async () => (await gate, { late: true }) });
    tools.register("free", { handler: () => ({ free: true }) });
    const inflight = tools.dispatch({ name: "slow", params: {} });
    // The module has trapped in the test above (same process).
    const later = await tools.dispatch({ name: "free", params: {} });
    release();
    assert.equal((await inflight).error?.code, "internal");
    assert.equal(later.error?.code, "internal");
  },
);
