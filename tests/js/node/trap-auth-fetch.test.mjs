// A trap inside the auth fetch module in Node: as in the browser test (tests/js/browser/
// trap.test.mjs), each module's exports are copied as it is instantiated so that a test
// can make one export run a real `unreachable` instruction. One file per trapped module:
// a module that trapped stays trapped for the process.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { authServer } from "../lib/auth-server.mjs";

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

const { ClientTools, createAuthFetch, isGlueError } = await import("chatkit-glue");

let api;
before(async () => (api = await authServer()));
after(() => api?.close());

test("auth fetch in Node: a trap fails the request that hit it, a request waiting for headers and every later request with internal; tools keep working", async () => {
  const f = createAuthFetch({ token: () => "tok-1", allowedOrigins: [api.url] });
  // Before the trap it works.
  assert.equal((await f(`${api.url}/api/protected`)).status, 200);
  const logged = [];
  const consoleError = console.error;
  console.error = (...args) => logged.push(args.map(String).join(" "));
  let e1, e2, later, other;
  try {
    // This one waits for headers that never come (until its 30 s default deadline).
    const pending = f(`${api.url}/api/hang`).catch((e) => e);
    await new Promise((r) => setTimeout(r, 20));
    trapNext("auth_fetch_status"); // the next status the core reads traps
    e1 = await f(`${api.url}/api/echo`).catch((e) => e);
    e2 = await pending;
    later = await f(`${api.url}/api/echo`).catch((e) => e);
    other = await createAuthFetch({ token: () => "tok-2", allowedOrigins: [api.url] })(`${api.url}/api/echo`).catch((e) => e);
  } finally {
    console.error = consoleError;
  }
  assert.deepEqual([e1?.code, e2?.code, later?.code, other?.code], ["internal", "internal", "internal", "internal"]);
  assert.ok(isGlueError(e1));
  assert.ok(e1.cause instanceof WebAssembly.RuntimeError);
  assert.ok(e1 === e2 && e2 === later && later === other, "one error for every call");
  assert.equal(logged.filter((t) => t.includes("internal error")).length, 1, "logged once: " + logged.join(" // "));
  assert.doesNotMatch(logged.join("\n") + e1.message + (e1.hint ?? ""), /tok-\d/, "no token in what was reported");
  // The server saw the requests before the trap; none after it.
  assert.deepEqual(
    api.state.log.map((e) => e.path),
    ["/api/protected", "/api/hang", "/api/echo"],
  );

  // Another module keeps working.
  const tools = new ClientTools().register("echo", { parameters: { type: "object" }, handler: (p) => ({ echoed: p.x }) });
  assert.deepEqual(await tools.dispatch({ name: "echo", params: { x: 1 } }), { echoed: 1 });
});
