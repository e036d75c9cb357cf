// A trap inside a module in Node: the same guarantees as in a browser. Node compiles each
// module synchronously with `new WebAssembly.Instance`; this file keeps a copy of each
// instance's exports (recognised by its own export names) so a test can make one export
// run a real `unreachable` instruction. No test hook is shipped in the modules.
import assert from "node:assert/strict";
import { test } from "node:test";

const RealInstance = WebAssembly.Instance;
const exportsOf = {};
WebAssembly.Instance = function Instance(module, imports) {
  const real = new RealInstance(module, imports);
  const names = Object.keys(real.exports);
  const name = names.find((n) => /^(secrets|tools|analytics|auth)_/.test(n))?.split("_")[0] ?? names.find((n) => /^[a-z]+_/.test(n)) ?? "unknown";
  const copy = (exportsOf[name] = { ...real.exports });
  return { exports: copy };
};
// (module (func (export "t") unreachable))
const unreachable = new RealInstance(
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11])),
).exports.t;
const trapNext = (module, name) => {
  assert.equal(typeof exportsOf[module]?.[name], "function", `no export ${name} in module ${module}`);
  exportsOf[module][name] = () => unreachable();
};

const { ClientSecretSource, ClientTools, isGlueError } = await import("chatkit-glue");

test("secrets in Node: a trap fails the call that hit it, every pending call and every later call with internal; other modules keep working", async () => {
  const realFetch = globalThis.fetch;
  const errors = [];
  const realError = console.error;
  console.error = (...args) => errors.push(args.map(String).join(" "));
  globalThis.fetch = async () => {
    await new Promise((r) => setTimeout(r, 20));
    return new Response(JSON.stringify({ client_secret: "ek_node", expires_after: 600 }));
  };
  try {
    const options = { startUrl: "https://app.example/api/chatkit/start", refreshUrl: "https://app.example/api/chatkit/refresh" };
    const a = new ClientSecretSource(options);
    const b = new ClientSecretSource(options);
    const first = a.getClientSecret(null).catch((e) => e);
    const pending = b.getClientSecret(null).catch((e) => e);
    trapNext("secrets", "secrets_reply");
    const [e1, e2] = await Promise.all([first, pending]);
    const later = await new ClientSecretSource(options).getClientSecret(null).catch((e) => e);
    assert.deepEqual([e1.code, e2.code, later.code], ["internal", "internal", "internal"]);
    assert.ok(isGlueError(e1));
    assert.ok(e1.cause instanceof WebAssembly.RuntimeError);
    assert.ok(e1 === e2 && e2 === later, "one error for every call");
    assert.equal(errors.filter((t) => t.includes("internal error")).length, 1, "reported once");
    const tools = new ClientTools().register("echo", { parameters: { type: "object" }, handler: (p) => ({ echoed: p.x }) });
    assert.deepEqual(await tools.dispatch({ name: "echo", params: { x: 1 } }), { echoed: 1 });
  } finally {
    globalThis.fetch = realFetch;
    console.error = realError;
  }
});
