// ClientTools through the packed package in Node: the facade's result check (every kind
// of invalid_result, with its pointer) and params handed to the module as JSON text
// (what JSON.stringify refuses, nesting, exact numbers, keys that are data).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runInNewContext } from "node:vm";
import { ClientTools } from "chatkit-glue";

const ERROR_TAIL = "; a tool must return a plain JSON-compatible object, or nothing";

/** The outcome of one call of a tool whose handler returns `make()`. */
async function returning(make, name = "t") {
  const tools = new ClientTools().register(name, { handler: make });
  try {
    return await tools.dispatch({ name, params: {} });
  } finally {
    tools.dispose();
  }
}

async function resultMessage(make, name) {
  const r = await returning(make, name);
  assert.equal(r.error?.code, "invalid_result", JSON.stringify(r));
  assert.equal(r.error.mayHaveCompleted, true);
  assert.equal(r.error.retryable, false);
  assert.ok(r.error.message.endsWith(ERROR_TAIL), r.error.message);
  return r.error.message.slice(0, -ERROR_TAIL.length);
}

function nested(depth) {
  const root = {};
  let o = root;
  for (let i = 1; i < depth; i++) o = o.a = {};
  return root;
}

describe("tool results (checked in the facade)", () => {
  test("a result that is not an object is named by its type", async () => {
    assert.equal(await resultMessage(() => "x"), 'tool "t" returned a string');
    assert.equal(await resultMessage(() => 42), 'tool "t" returned a number');
    assert.equal(await resultMessage(() => true), 'tool "t" returned a boolean');
    assert.equal(await resultMessage(() => null), 'tool "t" returned a null');
    assert.equal(await resultMessage(() => [1]), 'tool "t" returned an array');
    assert.equal(await resultMessage(() => () => 1), 'tool "t" returned a function');
    assert.equal(await resultMessage(() => 1n), 'tool "t" returned a BigInt');
    assert.equal(await resultMessage(() => Symbol("s")), 'tool "t" returned a symbol');
  });

  test("what JSON cannot hold is reported with its pointer", async () => {
    const cycle = () => {
      const o = { a: {} };
      o.a.b = o;
      return o;
    };
    assert.equal(await resultMessage(cycle), 'tool "t" returned a result with a cycle at /a/b');
    assert.equal(await resultMessage(() => ({ f: () => 1 })), 'tool "t" returned a result with a function at /f');
    assert.equal(await resultMessage(() => ({ n: [0, 1n] })), 'tool "t" returned a result with a BigInt at /n/1');
    assert.equal(await resultMessage(() => ({ s: Symbol() })), 'tool "t" returned a result with a symbol at /s');
    assert.equal(await resultMessage(() => ({ a: [1, undefined] })), 'tool "t" returned a result with undefined at /a/1');
    assert.equal(await resultMessage(() => ({ a: [1, , 3] })), 'tool "t" returned a result with undefined at /a/1');
    assert.equal(await resultMessage(() => ({ x: NaN })), 'tool "t" returned a result with a non-finite number at /x');
    assert.equal(await resultMessage(() => ({ x: { y: -Infinity } })), 'tool "t" returned a result with a non-finite number at /x/y');
    const nonPlain = "an object that is not plain data (a class instance, Map, Date, ...)";
    assert.equal(await resultMessage(() => new Map()), `tool "t" returned a result with ${nonPlain}`);
    assert.equal(await resultMessage(() => ({ d: [new Date(0)] })), `tool "t" returned a result with ${nonPlain} at /d/0`);
    class Note {}
    assert.equal(await resultMessage(() => ({ n: new Note() })), `tool "t" returned a result with ${nonPlain} at /n`);
    const getter = { inner: Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("sk-secret"); } }) };
    assert.equal(await resultMessage(() => getter), `tool "t" returned a result with ${nonPlain} at /inner`);
    assert.equal(await resultMessage(() => nested(129)), `tool "t" returned a result with nesting deeper than 128 levels at ${"/a".repeat(128)}`);
  });

  test("pointers escape ~ and /, cut long keys and replace control characters; names are quoted the same way", async () => {
    assert.equal(await resultMessage(() => ({ "a/b": { "c~d": () => 1 } })), 'tool "t" returned a result with a function at /a~1b/c~0d');
    const long = "k".repeat(70);
    assert.equal(await resultMessage(() => ({ [long]: 1n })), `tool "t" returned a result with a BigInt at /${"k".repeat(64)}…`);
    assert.equal(await resultMessage(() => ({ ["😀".repeat(65)]: 1n })), `tool "t" returned a result with a BigInt at /${"😀".repeat(64)}…`, "64 code points");
    assert.equal(await resultMessage(() => ({ ["😀".repeat(64)]: 1n })), `tool "t" returned a result with a BigInt at /${"😀".repeat(64)}`);
    assert.equal(await resultMessage(() => ({ "a\nb": 1n })), 'tool "t" returned a result with a BigInt at /a\ufffdb');
    assert.equal(await resultMessage(() => 1, "x\u0000y"), 'tool "x\ufffdy" returned a number');
    assert.equal(await resultMessage(() => 1, "n".repeat(65)), `tool "${"n".repeat(64)}…" returned a number`);
  });

  test("plain data passes as is: null prototypes, other realms, undefined properties, 128 levels", async () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    assert.equal(await returning(() => bare), bare);
    const foreign = runInNewContext("({ a: [1, { b: 'x' }], c: null })");
    assert.equal(await returning(() => foreign), foreign);
    const holey = { a: undefined, b: 1 };
    assert.equal(await returning(() => holey), holey);
    const deep = nested(128);
    assert.equal(await returning(() => deep), deep);
    const shared = { x: 1 };
    const dag = { a: shared, b: [shared, shared] };
    assert.equal(await returning(() => dag), dag, "the same object twice is not a cycle");
    assert.deepEqual(await returning(() => undefined), {});
  });
});

describe("params handed to the module as JSON text", () => {
  const tools = new ClientTools()
    .register("obj", { parameters: { type: "object" }, handler: (p) => ({ got: p }) })
    .register("any", { parameters: true, handler: () => ({}) })
    .register("int", { parameters: { type: "object", properties: { n: { type: "integer" } } }, handler: () => ({}) })
    .register("nums", {
      parameters: {
        type: "object",
        properties: {
          big: { const: 9007199254740993 },
          tenth: { multipleOf: 0.1 },
          seven: { multipleOf: 7.5 },
          pick: { enum: [0.3, 1e21, -0] },
        },
      },
      handler: () => ({}),
    })
    .register("keys", {
      parameters: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"integer"},"constructor":{"const":"c"},"toString":{"type":"array"}},"required":["__proto__"],"additionalProperties":false}'),
      handler: (p) => ({ keys: Object.keys(p) }),
    });
  const call = (name, params) => tools.dispatch({ name, params });
  const message = async (name, params) => (await call(name, params)).error?.message;

  test("what JSON.stringify refuses is invalid_params, without param values or the engine's text", async () => {
    const cycle = { a: {} };
    cycle.a.b = cycle;
    for (const bad of [cycle, { n: 1n }, { get x() { throw new Error("sk-secret"); } }, { toJSON: () => { throw new Error("sk-secret"); } }]) {
      const r = await call("obj", bad);
      assert.equal(r.error.code, "invalid_params");
      assert.equal(r.error.mayHaveCompleted, false);
      assert.equal(r.error.message, 'invalid params for tool "obj": not JSON data (JSON.stringify threw: a cycle, a BigInt, or a throwing getter or toJSON)');
    }
    assert.equal(await message("any", undefined), 'invalid params for tool "any": not JSON data (undefined)');
    assert.equal(await message("any", () => 1), 'invalid params for tool "any": not JSON data (a function)');
    assert.equal(await message("any", Symbol()), 'invalid params for tool "any": not JSON data (a symbol)');
    assert.equal(await message("obj", "text"), 'invalid params for tool "obj": expected object');
  });

  test("stringify's own rules apply: functions and undefined left out, NaN as null, toJSON used", async () => {
    assert.deepEqual(await call("any", { f: () => 1, u: undefined, n: NaN, d: new Date(0) }), {});
    assert.equal(await message("int", { n: NaN }), 'invalid params for tool "int" at /n: expected integer');
    assert.deepEqual(await call("int", { n: 3, f: () => 1 }), {});
  });

  test("nesting beyond 128 levels is refused with its pointer", async () => {
    assert.deepEqual(await call("any", nested(128)), {});
    assert.equal(await message("any", nested(129)), `invalid params for tool "any" at ${"/a".repeat(128)}: not JSON data (nesting deeper than 128 levels)`);
  });

  test("numbers are the doubles JavaScript holds", async () => {
    assert.deepEqual(await call("int", { n: 2 ** 53 }), {});
    assert.deepEqual(await call("int", { n: 1e21 }), {});
    assert.deepEqual(await call("int", { n: -0 }), {});
    assert.equal(await message("int", { n: 2.5 }), 'invalid params for tool "int" at /n: expected integer');
    assert.equal(await message("int", { n: 1 + Number.EPSILON }), 'invalid params for tool "int" at /n: expected integer');
    // 9007199254740993 is 2**53 in JavaScript, on both sides.
    assert.deepEqual(await call("nums", { big: 2 ** 53 }), {});
    assert.match(await message("nums", { big: 2 ** 53 + 2 }), /at \/big:/);
    // multipleOf reads both numbers as they print: 0.3 is a multiple of 0.1, the page's
    // 0.1 + 0.2 (0.30000000000000004) is not, as `const` sees it below.
    assert.deepEqual(await call("nums", { tenth: 0.3 }), {}, "0.3 is a multiple of 0.1 (decimal reading)");
    assert.match(await message("nums", { tenth: 0.1 + 0.2 }), /at \/tenth: expected a multiple of 0\.1/, "0.30000000000000004 is not");
    assert.match(await message("nums", { tenth: 0.35 + 1e-9 }), /at \/tenth:/);
    // A quotient past 2^50 is still divided exactly (found by the schema fuzz target).
    assert.match(await message("nums", { seven: 2 ** 53 }), /at \/seven: expected a multiple of 7\.5/);
    assert.deepEqual(await call("nums", { seven: 2 ** 53 - 2 }), {}, "9007199254740990 is 7.5 * 1200959900632132");
    assert.deepEqual(await call("nums", { pick: 0.3 }), {});
    assert.deepEqual(await call("nums", { pick: 1e21 }), {});
    assert.deepEqual(await call("nums", { pick: 0 }), {}, "0 equals -0");
    assert.match(await message("nums", { pick: 0.1 + 0.2 }), /at \/pick:/, "0.30000000000000004 is not 0.3");
    assert.deepEqual(await call("nums", { tenth: 123456.7, big: 9007199254740992.0 }), {});
  });

  test("__proto__, constructor and toString are data", async () => {
    const p = JSON.parse('{"__proto__": 1, "constructor": "c", "toString": []}');
    assert.deepEqual(await call("keys", p), { keys: ["__proto__", "constructor", "toString"] });
    assert.equal(await message("keys", JSON.parse('{"__proto__": "x"}')), 'invalid params for tool "keys" at /__proto__: expected integer');
    assert.equal(await message("keys", { constructor: "c" }), 'invalid params for tool "keys": missing required property "__proto__"');
    assert.equal(await message("keys", JSON.parse('{"__proto__": 1, "hasOwnProperty": 1}')), 'invalid params for tool "keys" at /hasOwnProperty: unexpected property');
    // An inherited property is not a param.
    assert.equal(await message("keys", Object.create({ __proto__: 1 })), 'invalid params for tool "keys": missing required property "__proto__"');
  });

  test("strings survive the trip: escapes, astral characters, lone surrogates", async () => {
    const echo = new ClientTools().register("s", {
      parameters: { type: "object", properties: { s: { type: "string", maxLength: 3 } } },
      handler: () => ({}),
    });
    assert.deepEqual(await echo.dispatch({ name: "s", params: { s: '"\\\n' } }), {});
    assert.deepEqual(await echo.dispatch({ name: "s", params: { s: "😀😀😀" } }), {}, "three code points");
    assert.deepEqual(await echo.dispatch({ name: "s", params: { s: "\ud800\udc00\ud800" } }), {}, "a pair and a lone surrogate: two");
    assert.match((await echo.dispatch({ name: "s", params: { s: "😀😀😀😀" } })).error.message, /at \/s:/);
    echo.dispose();
  });

  test("a schema that is not JSON data is invalid_config with its pointer", () => {
    const t = new ClientTools();
    assert.throws(
      () => t.register("bad", { parameters: { type: "object", properties: { a: { default: () => 1 } } }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && e.message === 'tool "bad": parameters schema at /properties/a/default: not JSON data (a function)' && /JSON Schema subset/.test(e.hint),
    );
    assert.throws(
      () => t.register("deep", { parameters: { default: nested(128) }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && e.message === `tool "deep": parameters schema at /default${"/a".repeat(127)}: not JSON data (nesting deeper than 128 levels)`,
    );
  });
});
