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
    assert.equal(await resultMessage(() => nested(257)), `tool "t" returned a result with nesting deeper than 256 levels at ${"/a".repeat(256)}`);
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
    // Every message quotes the name the same way, the core's (invalid_params) and the facade's.
    const name = 'say "hi"\n';
    const tools = new ClientTools({ defaultTimeoutMs: 50 })
      .register(name, { parameters: { type: "object", required: ["x"] }, handler: ({ x }) => (x === 1 ? new Promise(() => {}) : Promise.reject(new Error("no"))) });
    const messages = [];
    for (const params of [{}, { x: 1 }, { x: 2 }]) messages.push((await tools.dispatch({ name, params })).error.message);
    assert.deepEqual(messages, [
      'invalid params for tool "say "hi"\ufffd": required: missing property "x"',
      'tool "say "hi"\ufffd" timed out after 50 ms',
      'tool "say "hi"\ufffd" failed: the handler rejected (Error)',
    ]);
    tools.dispose();
  });

  test("plain data passes as is: null prototypes, other realms, undefined properties, 256 levels", async () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    assert.equal(await returning(() => bare), bare);
    const foreign = runInNewContext("({ a: [1, { b: 'x' }], c: null })");
    assert.equal(await returning(() => foreign), foreign);
    const holey = { a: undefined, b: 1 };
    assert.equal(await returning(() => holey), holey);
    const deep = nested(256);
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
    assert.equal(await message("obj", "text"), 'invalid params for tool "obj": type: expected object');
  });

  test("stringify's own rules apply: functions and undefined left out, NaN as null, toJSON used", async () => {
    assert.deepEqual(await call("any", { f: () => 1, u: undefined, n: NaN, d: new Date(0) }), {});
    assert.equal(await message("int", { n: NaN }), 'invalid params for tool "int" at /n: type: expected integer');
    assert.deepEqual(await call("int", { n: 3, f: () => 1 }), {});
  });

  test("nesting beyond 256 levels is refused with its pointer", async () => {
    assert.deepEqual(await call("any", nested(256)), {});
    assert.equal(await message("any", nested(257)), `invalid params for tool "any" at ${"/a".repeat(256)}: not JSON data (nesting deeper than 256 levels)`);
  });

  test("numbers are the doubles JavaScript holds", async () => {
    assert.deepEqual(await call("int", { n: 2 ** 53 }), {});
    assert.deepEqual(await call("int", { n: 1e21 }), {});
    assert.deepEqual(await call("int", { n: -0 }), {});
    assert.equal(await message("int", { n: 2.5 }), 'invalid params for tool "int" at /n: type: expected integer');
    assert.equal(await message("int", { n: 1 + Number.EPSILON }), 'invalid params for tool "int" at /n: type: expected integer');
    // 9007199254740993 is 2**53 in JavaScript, on both sides.
    assert.deepEqual(await call("nums", { big: 2 ** 53 }), {});
    assert.match(await message("nums", { big: 2 ** 53 + 2 }), /at \/big:/);
    // multipleOf reads both numbers as they print: 0.3 is a multiple of 0.1, the page's
    // 0.1 + 0.2 (0.30000000000000004) is not, as `const` sees it below.
    assert.deepEqual(await call("nums", { tenth: 0.3 }), {}, "0.3 is a multiple of 0.1 (decimal reading)");
    assert.match(await message("nums", { tenth: 0.1 + 0.2 }), /at \/tenth: multipleOf: expected a multiple of 0\.1/, "0.30000000000000004 is not");
    assert.match(await message("nums", { tenth: 0.35 + 1e-9 }), /at \/tenth:/);
    // A quotient past 2^50 is still divided exactly (found by the schema fuzz target).
    assert.match(await message("nums", { seven: 2 ** 53 }), /at \/seven: multipleOf: expected a multiple of 7\.5/);
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
    assert.equal(await message("keys", JSON.parse('{"__proto__": "x"}')), 'invalid params for tool "keys" at /__proto__: type: expected integer');
    assert.equal(await message("keys", { constructor: "c" }), 'invalid params for tool "keys": required: missing property "__proto__"');
    assert.equal(await message("keys", JSON.parse('{"__proto__": 1, "hasOwnProperty": 1}')), 'invalid params for tool "keys" at /hasOwnProperty: additionalProperties: unexpected property');
    // An inherited property is not a param.
    assert.equal(await message("keys", Object.create({ __proto__: 1 })), 'invalid params for tool "keys": required: missing property "__proto__"');
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
      (e) => e.code === "invalid_config" && e.message === 'tool "bad": parameters schema at /properties/a/default: not JSON data (a function)' && /draft 2020-12/.test(e.hint),
    );
    assert.throws(
      () => t.register("deep", { parameters: { default: nested(256) }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && e.message === `tool "deep": parameters schema at /default${"/a".repeat(255)}: not JSON data (nesting deeper than 256 levels)`,
    );
  });
});

// Draft 2020-12 through the packed package: the schemas real tools have (pydantic v2's
// model_json_schema(), zod 4's toJSONSchema, OpenAI strict mode), the `schemas` and
// `strictSchema` options, and what is refused at register.
describe("JSON Schema draft 2020-12", () => {
  const ADDRESS = "https://example.com/schemas/address";
  // What pydantic v2 writes for `class Order(BaseModel)` with a nested model list, an
  // Optional[EmailStr], a discriminated union (its `discriminator` is no keyword of the
  // spec) and a field typed by a shared document.
  const ORDER = {
    $defs: {
      Item: {
        properties: {
          id: { title: "Id", type: "integer", minimum: 1 },
          email: { anyOf: [{ format: "email", type: "string" }, { type: "null" }], default: null, title: "Email" },
        },
        required: ["id"],
        title: "Item",
        type: "object",
      },
      Card: { properties: { kind: { const: "card", type: "string" }, last4: { pattern: "^\\d{4}$", type: "string" } }, required: ["kind", "last4"], type: "object" },
      Iban: { properties: { kind: { const: "iban", type: "string" }, iban: { maxLength: 34, type: "string" } }, required: ["kind", "iban"], type: "object" },
    },
    properties: {
      items: { items: { $ref: "#/$defs/Item" }, title: "Items", type: "array", maxItems: 10 },
      payment: { discriminator: { mapping: { card: "#/$defs/Card", iban: "#/$defs/Iban" }, propertyName: "kind" }, oneOf: [{ $ref: "#/$defs/Card" }, { $ref: "#/$defs/Iban" }] },
      ship_to: { anyOf: [{ $ref: ADDRESS }, { type: "null" }], default: null },
    },
    required: ["items", "payment"],
    title: "Order",
    type: "object",
  };
  const schemas = { [ADDRESS]: { type: "object", properties: { city: { type: "string", minLength: 1 } }, required: ["city"], additionalProperties: false } };

  /** Runs `fn` with console.warn captured; answers what was warned. */
  function warnings(fn) {
    const seen = [];
    const warn = console.warn;
    console.warn = (...args) => seen.push(args.join(" "));
    try {
      fn();
    } finally {
      console.warn = warn;
    }
    return seen;
  }

  test("a pydantic schema ($defs, $ref, anyOf with null, oneOf, a remote document) is accepted and checked", async () => {
    const tools = new ClientTools({ schemas });
    const seen = warnings(() => tools.register("order", { parameters: ORDER, handler: (p) => ({ items: p.items.length }) }));
    // `discriminator` is an annotation: named once in development, never an error.
    assert.deepEqual(seen, ['chatkit-glue: tool "order": parameters schema at /properties/payment/discriminator: unknown keyword "discriminator" (ignored; strictSchema: true refuses it)']);
    const call = (params) => tools.dispatch({ name: "order", params });
    const card = { kind: "card", last4: "4242" };
    assert.deepEqual(await call({ items: [{ id: 1 }, { id: 2, email: null }, { id: 3, email: "a@b.co" }], payment: card }), { items: 3 });
    assert.deepEqual(await call({ items: [], payment: { kind: "iban", iban: "DE89370400440532013000" }, ship_to: { city: "Lyon" } }), { items: 0 });
    const message = async (params) => (await call(params)).error?.message;
    assert.equal(
      await message({ items: [{ id: 1 }, { id: 2 }, { id: 3, email: "nope" }], payment: card }),
      'invalid params for tool "order" at /items/2/email: format "email" (anyOf: no branch matched; closest is branch 0)',
    );
    assert.equal(await message({ items: [{ id: 0 }], payment: card }), 'invalid params for tool "order" at /items/0/id: minimum: expected at least 1');
    assert.equal(
      await message({ items: [], payment: { kind: "card", last4: "42" } }),
      'invalid params for tool "order" at /payment/last4: pattern: does not match ^\\d{4}$ (oneOf: no branch matched; closest is branch 0)',
    );
    assert.equal(await message({ items: [], payment: card, ship_to: { city: "" } }), 'invalid params for tool "order" at /ship_to/city: minLength: expected at least 1 characters (anyOf: no branch matched; closest is branch 0)');
    assert.equal(await message({ items: [], payment: card, ship_to: { city: "Lyon", zip: 1 } }), 'invalid params for tool "order" at /ship_to/zip: additionalProperties: unexpected property (anyOf: no branch matched; closest is branch 0)');
    assert.equal(await message({ items: [] }), 'invalid params for tool "order": required: missing property "payment"');
    tools.dispose();
  });

  test("zod 4's toJSONSchema with io: input, and an OpenAI strict-mode schema", async () => {
    const { z } = await import("zod");
    const Note = z.object({ title: z.string().min(1).max(80), tags: z.array(z.enum(["work", "home"])).max(3).default([]), due: z.iso.date().optional() });
    // As the schema arrives from a server (zod 4.6's own result also carries a non-enumerable
    // "~standard", which would make the registry validate with zod instead).
    const json = JSON.parse(JSON.stringify(z.toJSONSchema(Note, { io: "input" })));
    const tools = new ClientTools().register("note", { parameters: json, handler: (p) => ({ title: p.title }) });
    assert.deepEqual(await tools.dispatch({ name: "note", params: { title: "Buy milk" } }), { title: "Buy milk" }, "a .default() field is optional on input");
    assert.deepEqual(await tools.dispatch({ name: "note", params: { title: "x", tags: ["work"], due: "2026-12-03" } }), { title: "x" });
    assert.match((await tools.dispatch({ name: "note", params: { title: "x", due: "2026-02-30" } })).error.message, /at \/due: (format "date"|pattern)/);
    assert.match((await tools.dispatch({ name: "note", params: { title: "x", tags: ["play"] } })).error.message, /at \/tags\/0: enum/);
    // OpenAI strict mode: every object closed and fully required, nullable by anyOf, $ref "#".
    const strict = {
      type: "object",
      properties: {
        name: { type: "string" },
        parent: { anyOf: [{ $ref: "#" }, { type: "null" }] },
      },
      required: ["name", "parent"],
      additionalProperties: false,
    };
    tools.register("tree", { parameters: strict, handler: () => ({}) });
    assert.deepEqual(await tools.dispatch({ name: "tree", params: { name: "a", parent: { name: "b", parent: null } } }), {});
    assert.match((await tools.dispatch({ name: "tree", params: { name: "a", parent: { name: "b" } } })).error.message, /at \/parent: required: missing property "parent"/);
    tools.dispose();
  });

  test("no network: an unregistered reference and a reference cycle are refused at register, naming the reference", () => {
    const tools = new ClientTools();
    assert.throws(
      () => tools.register("remote", { parameters: { $ref: "https://example.com/schemas/nowhere" }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && e.message === 'tool "remote": parameters schema at /$ref: cannot resolve "https://example.com/schemas/nowhere": not in this schema nor in `schemas` (no network)',
    );
    assert.throws(
      () => tools.register("loop", { parameters: { $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && /at \/\$defs\/a\/\$ref: the reference "#\/\$defs\/b" loops back without reaching into the value/.test(e.message),
    );
    assert.deepEqual(tools.names(), [], "a refused tool is not registered");
    tools.dispose();
  });

  test("strictSchema refuses keywords no vocabulary defines; the options are checked", () => {
    assert.throws(
      () => new ClientTools({ strictSchema: true }).register("t", { parameters: { type: "string", minLenght: 2 }, handler: () => ({}) }),
      (e) => e.code === "invalid_config" && e.message === 'tool "t": parameters schema at /minLenght: unknown keyword "minLenght"',
    );
    const seen = warnings(() => {
      new ClientTools().register("t", { parameters: { type: "string", maxLenght: 2 }, handler: () => ({}) });
      new ClientTools().register("t", { parameters: { type: "string", maxLenght: 2 }, handler: () => ({}) });
    });
    assert.equal(seen.length, 1, "named once");
    assert.match(seen[0], /unknown keyword "maxLenght" \(ignored/);
    assert.throws(() => new ClientTools({ strictSchema: "yes" }), (e) => e.code === "invalid_config" && e.message === "ClientTools: strictSchema must be a boolean");
    assert.throws(() => new ClientTools({ schemas: [] }), (e) => e.code === "invalid_config" && e.message === "ClientTools: schemas must be an object of JSON Schemas by URI");
    assert.throws(() => new ClientTools({ schemas: { "https://a.example/s": { default: 1n } } }), (e) => e.code === "invalid_config" && e.message === 'ClientTools: schemas at /https:~1~1a.example~1s/default: not JSON data (a BigInt)');
  });

  test("lone surrogates stay distinct; 256 levels through a recursive $ref and a 10,000-item array validate", async () => {
    const tools = new ClientTools()
      .register("lone", { parameters: { type: "object", properties: { s: { enum: ["\ud800"] }, u: { type: "array", uniqueItems: true } } }, handler: () => ({}) })
      .register("wide", { parameters: { type: "array", items: { type: "integer" }, uniqueItems: true }, handler: () => ({}) });
    assert.deepEqual(await tools.dispatch({ name: "lone", params: { s: "\ud800" } }), {});
    assert.equal((await tools.dispatch({ name: "lone", params: { s: "\udfff" } })).error.message, 'invalid params for tool "lone" at /s: enum: not one of the allowed values');
    assert.deepEqual(await tools.dispatch({ name: "lone", params: { u: ["\ud800", "\udfff"] } }), {}, "two different lone surrogates are unique");
    assert.match((await tools.dispatch({ name: "lone", params: { u: ["\ud800", "\ud800"] } })).error.message, /at \/u: uniqueItems/);
    // Depth: a recursive schema over params nested to the limit, in the module's own stack.
    const tree = { $defs: { node: { type: "object", properties: { a: { $ref: "#/$defs/node" } }, unevaluatedProperties: false } }, $ref: "#/$defs/node" };
    tools.register("deep", { parameters: tree, handler: () => ({}) });
    assert.deepEqual(await tools.dispatch({ name: "deep", params: nested(256) }), {});
    const bad = nested(256);
    let leaf = bad;
    while (leaf.a) leaf = leaf.a;
    leaf.b = 1;
    assert.equal((await tools.dispatch({ name: "deep", params: bad })).error.message, `invalid params for tool "deep" at ${"/a".repeat(255)}/b: unevaluatedProperties: unexpected property`);
    const wide = Array.from({ length: 10000 }, (_, i) => i);
    assert.deepEqual(await tools.dispatch({ name: "wide", params: wide }), {});
    wide[9999] = 0;
    assert.match((await tools.dispatch({ name: "wide", params: wide })).error.message, /uniqueItems/);
    tools.dispose();
  });
});

describe("unknown tools", () => {
  test("the message lists the registered names and the nearest; a NUL inside a name shows as U+FFFD", async () => {
    const tools = new ClientTools().register("add_note", { handler: () => ({}) }).register("open\0link", { handler: () => ({}) });
    const r = await tools.dispatch({ name: "add_nte", params: {} });
    assert.equal(r.error.code, "unknown_tool");
    assert.equal(r.error.message, 'unknown tool "add_nte"; registered tools: "add_note", "open\uFFFDlink" (did you mean "add_note"?)');
    const nul = await tools.dispatch({ name: "open\0lnk", params: {} });
    assert.equal(nul.error.message, 'unknown tool "open\uFFFDlnk"; registered tools: "add_note", "open\uFFFDlink" (did you mean "open\uFFFDlink"?)');
    assert.deepEqual(await tools.dispatch({ name: "open\0link", params: {} }), {}, "the name itself is matched exactly");
    tools.dispose();
    const none = await new ClientTools().dispatch({ name: "x", params: {} });
    assert.equal(none.error.message, 'unknown tool "x"; no tools are registered');
  });
});
