// The diagnostics rules, unit by unit, on the facade's own modules (plain JavaScript, as
// the package bundles them): nearest-name suggestions, credential recognition, the
// plain-http check, option paths, the explanation table and checkOptions' rules, with
// small seeded property loops where a rule has a range of inputs. What users call is
// tested through the packed package in diagnostics.test.mjs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, test } from "node:test";
import { jsRoot } from "../lib/bundle.mjs";

const dir = join(jsRoot, "../../pkg-template/src/diagnostics");
const load = (file) => import(pathToFileURL(join(dir, file)).href);
const keys = await load("keys.js");
const { looksLikeApiKey, looksSecret } = await load("secret.js");
const { insecure, segment, checkOptions } = await load("options.js");
const { explainError, GLUE, CHATKIT, UNKNOWN } = await load("explain.js");
const { chatKitOptionKeys: ALL, nearest, distance } = keys;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const text = (alphabet, min, max) => Array.from({ length: min + int(max - min + 1) }, () => pick(alphabet)).join("");
  // Printable text with some non-ASCII, like proptest's \PC.
  const printable = (max) => text([..." !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ...ALNUM, "é", "ß", "→", "日", "🙂"], 0, max);
  return { next, int, pick, text, printable, ALNUM };
}
const RUNS = 256;

describe("nearest", () => {
  test("distance counts edits and ignores ASCII case", () => {
    assert.equal(distance("", ""), 0);
    assert.equal(distance("", "abc"), 3);
    assert.equal(distance("abc", ""), 3);
    assert.equal(distance("onerror", "onError"), 0);
    assert.equal(distance("onErorr", "onError"), 2);
    assert.equal(distance("onClientTools", "onClientTool"), 1);
    assert.equal(distance("kitten", "sitting"), 3);
    assert.equal(distance("ab", "ba"), 2);
  });

  test("suggests likely typos only", () => {
    assert.equal(nearest("onErorr", ALL), "onError");
    assert.equal(nearest("onready", ALL), "onReady");
    assert.equal(nearest("startscreen", ALL), "startScreen");
    assert.equal(nearest("threadItemAction", ALL), "threadItemActions");
    assert.equal(nearest("onThreadLoadStarted", ALL), "onThreadLoadStart");
    assert.equal(nearest("apiKey", ALL), undefined);
    assert.equal(nearest("banana", ALL), undefined);
    assert.equal(nearest("x", ALL), undefined);
    assert.equal(nearest("o".repeat(65), ALL), undefined);
  });

  test("property: a suggestion is always a valid name", () => {
    const r = random(1);
    for (let i = 0; i < RUNS * 4; i++) {
      // Random text, and near misses of real names.
      const name = i % 2 ? r.printable(40) : r.pick(ALL).slice(r.int(3)) + r.text(r.ALNUM, 0, 2);
      const s = nearest(name, ALL);
      if (s !== undefined) assert.ok(ALL.includes(s), `${JSON.stringify(name)} -> ${s}`);
    }
  });

  test("property: one edit from a name of 6+ characters finds a name one edit away", () => {
    const r = random(2);
    for (let i = 0; i < RUNS; i++) {
      const key = r.pick(ALL);
      if (key.length < 6) continue;
      const p = r.int(key.length);
      const typo = key.slice(0, p) + r.pick("abcdefghijklmnopqrstuvwxyz") + key.slice(p + 1);
      const s = nearest(typo, ALL);
      assert.ok(s !== undefined && distance(typo, s) <= 1, `${typo} -> ${s}`);
    }
  });

  test("property: distance is symmetric and zero only for equal names (ignoring case)", () => {
    const r = random(3);
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (let i = 0; i < RUNS; i++) {
      const a = r.text(letters, 0, 12);
      const b = r.int(4) ? r.text(letters, 0, 12) : a.toUpperCase();
      assert.equal(distance(a, b), distance(b, a));
      assert.equal(distance(a, b) === 0, a.toLowerCase() === b.toLowerCase());
    }
  });

  test("property: suggestions follow the core's rule (ClientTools' unknown_tool names the core's nearest)", async () => {
    const { ClientTools } = await import("chatkit-glue");
    const tools = new ClientTools();
    for (const name of ALL) tools.register(name, { handler: () => ({}) });
    const core = async (name) => {
      // dispatch answers ChatKit's onClientTool: the error comes back as { error }.
      const e = (await tools.dispatch({ name, params: {} })).error;
      assert.equal(e?.code, "unknown_tool", name);
      return /\(did you mean "(.*)"\?\)$/.exec(e.message)?.[1];
    };
    const r = random(4);
    let suggested = 0;
    for (let i = 0; i < RUNS; i++) {
      const key = r.pick(ALL);
      // Near misses of every length (edits, case, cut or grown), and unrelated text.
      const p = r.int(key.length);
      const name = [
        key.slice(0, p) + r.text(r.ALNUM, 0, 3) + key.slice(p + r.int(3)),
        key.toUpperCase().slice(r.int(4)),
        key.slice(0, 2 + r.int(4)),
        r.printable(12),
      ][i % 4];
      if (!name || ALL.includes(name)) continue;
      const want = await core(name);
      if (want !== undefined) suggested++;
      assert.equal(nearest(name, ALL), want, JSON.stringify(name));
    }
    assert.ok(suggested > RUNS / 4, `${suggested} suggestions`);
    tools.dispose?.();
  });

  test("the name lists agree with one another", () => {
    assert.deepEqual(keys.HANDLER_LIKE, ["onClientTool", ...ALL.slice(16)]);
    assert.deepEqual(keys.API, [...keys.HOSTED_API, ...keys.CUSTOM_API]);
    for (const h of ALL.slice(16)) assert.ok(keys.isHandlerShaped(h), h);
    assert.equal(keys.isHandlerShaped("onClientTool"), false);
    assert.equal(keys.isHandlerShaped("onClientTools"), true);
    assert.equal(keys.isHandlerShaped("onerror"), false);
    assert.equal(keys.isHandlerShaped("on"), false);
    assert.equal(keys.isHandlerShaped("api"), false);
  });
});

describe("credentials", () => {
  test("API keys are recognised", () => {
    assert.ok(looksLikeApiKey("sk-proj-abcdefghijklmnopqrstuvwxyz0123"));
    assert.ok(looksLikeApiKey("key: sk-abcdefghijklmnopqrstuvwxyz"));
    assert.ok(looksLikeApiKey("Bearer sk-svcacct-AAAAAAAAAAAAAAAAAAAAAAAA"));
    assert.equal(looksLikeApiKey("sk-short"), false);
    assert.equal(looksLikeApiKey("task-abcdefghijklmnopqrstuvwxyz"), false);
    assert.equal(looksLikeApiKey("risk-assessment-for-the-quarterly-report"), false);
    assert.equal(looksLikeApiKey(""), false);
  });

  test("other credentials are recognised", () => {
    assert.ok(looksSecret("ek_68f0_abcdefghijklmnopqrstuvwxyz"));
    assert.ok(looksSecret("Authorization: Bearer abcdefgh12345678"));
    assert.ok(looksSecret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"));
    assert.equal(looksSecret("Check the server's logs."), false);
    assert.equal(looksSecret("eyJ alone"), false);
    assert.equal(looksSecret("a.b.c"), false);
  });
});

describe("plain-http backends", () => {
  test("absolute URLs", () => {
    assert.equal(insecure("https://api.example.com/chatkit"), false);
    assert.equal(insecure("HTTP://api.example.com/x"), true);
    assert.equal(insecure("http://localhost:8000/chatkit"), false);
    assert.equal(insecure("http://127.0.0.1:8000/chatkit"), false);
    assert.equal(insecure("http://[::1]:8000/"), false);
    assert.equal(insecure("http://app.localhost/"), false);
    assert.equal(insecure("http://user:pw@evil.example:80/"), true);
    assert.equal(insecure("http://localhost.evil.example/"), true);
    assert.equal(insecure("ws://example.com/"), false);
    assert.equal(insecure("http:"), false);
  });

  test("relative URLs follow the origin", () => {
    assert.equal(insecure("/api/chatkit"), false);
    assert.equal(insecure("/api/chatkit", "https://app.example.com"), false);
    assert.equal(insecure("/api/chatkit", "http://app.example.com"), true);
    assert.equal(insecure("/api/chatkit", "http://localhost:3000"), false);
    assert.equal(insecure("//cdn.example.com/x", "http://localhost:3000"), true);
    assert.equal(insecure("api/chatkit", "not an origin"), false);
  });
});

test("option paths: long keys shortened, credentials redacted, control characters shown as ?", () => {
  assert.equal([...segment("x".repeat(100))].length, 41);
  assert.equal(segment("sk-abcdefghijklmnopqrstuvwxyz"), "[redacted]");
  assert.equal(segment("theme"), "theme");
  assert.equal(segment("a\u001fb\n"), "a?b?");
  assert.equal(segment("é".repeat(40)), "é".repeat(40));
  assert.equal(segment("🙂".repeat(41)), "🙂".repeat(40) + "…");
});

describe("the explanation table", () => {
  const rows = () => [...Object.entries(GLUE), ...Object.entries(CHATKIT), ["unknown", UNKNOWN]];
  const err = (name, message, extra = {}) => Object.assign(new Error(message), { name }, extra);

  test("codes are unique, and titles and hints compact and clean", () => {
    const codes = rows().map(([code]) => code);
    assert.equal(new Set(codes).size, codes.length);
    for (const [code, [title, hint]] of rows()) {
      assert.ok(title.length > 0 && title.length <= 40, code);
      assert.ok(hint.length <= 200, `${code} hint is ${hint.length} characters`);
      assert.equal(hint.includes("|"), false, "a README table cell");
      assert.equal(looksSecret(hint), false);
    }
  });

  test("a library error's own hint wins, unless it looks like a credential", () => {
    const e = err("ChatKitGlueError", "refresh failed", { code: "refresh_loop", retryable: false });
    assert.deepEqual(explainError(e), { code: "refresh_loop", title: GLUE.refresh_loop[0], hint: GLUE.refresh_loop[1] });
    e.code = "load_failed";
    e.hint = "Add 'wasm-unsafe-eval' to script-src";
    assert.equal(explainError(e).hint, "Add 'wasm-unsafe-eval' to script-src");
    e.hint = "use sk-proj-abcdefghijklmnopqrstuvwxyz";
    assert.equal(explainError(e).hint, GLUE.load_failed[1]);
    e.hint = "  ";
    assert.equal(explainError(e).hint, GLUE.load_failed[1]);
    e.code = "not_a_code";
    assert.equal(explainError(e).code, "unknown");
    e.code = "constructor";
    assert.equal(explainError(e).code, "unknown", "only the table's own codes");
  });

  test("ChatKit's errors are matched on name and message", () => {
    const cases = [
      [err("InvalidFrameParamsError", 'Invalid frame params: ChatKit.create():\n✖ Unrecognized key: "onErorr"'), "unknown_option"],
      [err("InvalidFrameParamsError", "Invalid frame params: ChatKit.create():\n✖ Invalid input\n  → at api"), "invalid_api_config"],
      [err("Error", "Invalid frame params: ChatKit.create():\n✖ Invalid input\n  → at theme.radius"), "invalid_options"],
      [err("Error", "Domain not allowed: app.example.com"), "domain_not_allowed"],
      [err("Error", "This domain is not on the allowlist"), "domain_not_allowed"],
      [err("Error", "Workflow with id 'wf_123' not found."), "workflow_not_found"],
      [err("Error", "No tool output found for function call call_abc."), "tool_output_missing"],
      [err("Error", "Rate limit exceeded for this session"), "session_rate_limited"],
      [err("Error", "Too Many Requests"), "session_rate_limited"],
      [err("Error", "Client secret has expired"), "secret_invalid"],
      [err("Error", "Chatkit Session with id 'cksess_1' not found."), "secret_invalid"],
      [err("Error", "Invalid client_secret"), "secret_invalid"],
      [err("HttpError", "Unauthorized"), "request_unauthorized"],
      [err("TypeError", "Failed to fetch"), "fetch_failed"],
      [err("TypeError", "fetch failed"), "fetch_failed"],
      [err("TypeError", "NetworkError when attempting to fetch resource."), "fetch_failed"],
      [err("Error", "request failed", { status: 429 }), "session_rate_limited"],
      [err("Error", "request failed", { statusCode: 403 }), "request_unauthorized"],
      [err("Error", "request failed", { status: 401.5 }), "unknown"],
    ];
    for (const [e, code] of cases) assert.equal(explainError(e).code, code, e.message);
  });

  test("anything else is unknown, never a guess; a cause is explained when the error is not", () => {
    for (const e of [err("Error", "Something went wrong"), err("TypeError", "Cannot read properties of undefined (reading 'x')"), err("", ""), err("Error", "domain"), err("Error", "not found"), err("Error", "workflow failed")]) {
      assert.deepEqual(explainError(e), { code: "unknown", title: UNKNOWN[0], hint: UNKNOWN[1] }, e.message);
    }
    assert.equal(explainError(err("Error", "ChatKit failed", { cause: err("Error", "Workflow with id 'wf_1' not found.") })).code, "workflow_not_found");
    // Four levels are looked at, no more (a cause chain can be a cycle).
    const deep = (n) => (n === 0 ? err("Error", "Domain not allowed") : err("Error", "wrapped", { cause: deep(n - 1) }));
    assert.equal(explainError(deep(3)).code, "domain_not_allowed");
    assert.equal(explainError(deep(4)).code, "unknown");
    const loop = err("Error", "loop");
    loop.cause = loop;
    assert.equal(explainError(loop).code, "unknown");
  });

  test("property: every answer is a table row and never repeats a key from the message", () => {
    const r = random(4);
    const table = rows().map(([code, [title]]) => `${code}:${title}`);
    for (let i = 0; i < RUNS; i++) {
      const secret = r.text(r.ALNUM, 24, 40);
      const e = err(r.printable(20), `${r.printable(80)} sk-${secret}`);
      const a = explainError(r.int(3) === 0 ? { error: e } : e);
      assert.ok(table.includes(`${a.code}:${a.title}`), JSON.stringify(a));
      assert.equal(JSON.stringify(a).includes(secret), false);
    }
  });
});

describe("checkOptions' rules", () => {
  const hosted = () => ({ getClientSecret() {} });
  const custom = () => ({ url: "/api/chatkit", domainKey: "domain_pk_123" });
  const withApi = (api, extra = {}) => ({ api, onError() {}, ...extra });
  const codes = (options, origin) => checkOptions(options, origin === undefined ? undefined : { origin }).map((d) => [d.code, d.path]);

  test("clean options, hosted, custom and local, give nothing", () => {
    assert.deepEqual(codes(withApi(hosted(), { theme: { colorScheme: "dark" }, composer: { tools: [{ id: "x", icon: "bolt" }] }, initialThread: null }), "https://app.example.com"), []);
    assert.deepEqual(codes(withApi(custom()), "https://app.example.com"), []);
    assert.deepEqual(codes(withApi({ url: "http://127.0.0.1:8000/chatkit", domainKey: "k" }), "http://localhost:3000"), []);
  });

  test("api rules", () => {
    assert.deepEqual(codes(withApi({ ...hosted(), domainKey: "k", uploadStrategy: {} })), [["hosted_domain_key", "api.domainKey"], ["hosted_upload_strategy", "api.uploadStrategy"]]);
    const typo = checkOptions(withApi({ ...hosted(), getclientsecret() {} }));
    assert.deepEqual(typo.map((d) => [d.code, d.path, d.suggestion]), [["unknown_option", "api.getclientsecret", "api.getClientSecret"]]);
    assert.match(typo[0].message, /is not a key of hosted api/);
    assert.deepEqual(codes(withApi({ url: "/x" })), [["missing_domain_key", "api.domainKey"]]);
    assert.deepEqual(codes(withApi({ url: "/x", domainKey: " \t" })), [["missing_domain_key", "api.domainKey"]]);
    assert.deepEqual(codes(withApi({ url: "/x", getClientSecret() {} })), [["mixed_api_config", "api"]]);
    assert.deepEqual(codes(withApi({})), [["missing_api", "api"]]);
    assert.deepEqual(codes(withApi("nope")), [["invalid_value", "api"]]);
    assert.deepEqual(codes(withApi({ getClientSecret: "ek_x" })), [["invalid_value", "api.getClientSecret"]]);
    assert.deepEqual(codes(withApi({ ...custom(), fetch: 1 })), [["invalid_value", "api.fetch"]]);
    assert.deepEqual(codes(withApi({ ...custom(), url: 1 })), [["invalid_value", "api.url"]]);
    assert.deepEqual(codes({ onError() {} }), [["missing_api", "api"]]);
    const neither = checkOptions(withApi({ getclientsecret() {} }));
    assert.deepEqual(neither.map((d) => [d.code, d.path, d.suggestion]), [["missing_api", "api", undefined], ["unknown_option", "api.getclientsecret", "api.getClientSecret"]]);
  });

  test("plain-http backends: a warning, an error on an https page", () => {
    const api = (url) => withApi({ url, domainKey: "k" });
    const [warning] = checkOptions(api("http://api.example.com/chatkit"));
    assert.deepEqual([warning.code, warning.path, warning.severity], ["insecure_url", "api.url", "warning"]);
    assert.equal(checkOptions(api("http://api.example.com/chatkit"), { origin: "https://app.example.com" })[0].severity, "error");
    assert.equal(checkOptions(api("http://api.example.com/chatkit"), { origin: " HTTPS://app.example.com" })[0].severity, "error");
    assert.deepEqual(codes(api("/api/chatkit"), "http://app.example.com"), [["insecure_url", "api.url"]]);
    assert.deepEqual(codes(api("/api/chatkit")), []);
    assert.deepEqual(codes(api("https://api.example.com"), "http://localhost:3000"), []);
  });

  test("options that are not a plain object", () => {
    for (const v of [1, "x", [], () => {}, null, undefined]) {
      assert.deepEqual(codes(v), [["invalid_options", ""]], String(v));
    }
    const found = checkOptions(new Map());
    assert.deepEqual(found.map((d) => [d.code, d.path]), [["invalid_options", ""], ["non_plain_value", ""]]);
    assert.match(found[0].message, /not a non-plain object/);
    assert.match(found[1].message, /^`options` is a Map/);
    assert.deepEqual(codes("sk-abcdefghijklmnopqrstuvwxyz"), [["invalid_options", ""], ["secret_in_options", ""]]);
  });

  test("non-plain values by kind, including a wasm-bindgen instance", async () => {
    // No module of the package exports a class any more (every binding is plain functions
    // over numbers): an instance of the shape wasm-bindgen gives its classes stands in.
    class AnalyticsCore {
      constructor() {
        this.__wbg_ptr = 1048;
      }
      free() {}
    }
    const core = new AnalyticsCore();
    try {
      const bare = Object.assign(Object.create(Object.create(null)), { __wbg_ptr: 8 });
      const found = checkOptions(withApi(hosted(), { widgets: core, theme: new Set(), entities: { at: /x/ }, history: bare }));
      assert.deepEqual(found.map((d) => [d.code, d.path]), [["non_plain_value", "widgets"], ["non_plain_value", "theme"], ["non_plain_value", "entities.at"], ["non_plain_value", "history"]]);
      assert.match(found[0].message, /^`widgets` is a wasm-bindgen object \(AnalyticsCore\):/);
      assert.match(found[1].message, /^`theme` is a Set:/);
      assert.match(found[2].message, /^`entities\.at` is a RegExp:/);
      assert.match(found[3].message, /^`history` is a wasm-bindgen object:/);
    } finally {
      core.free();
    }
  });

  test("hostile values are read without throwing; a getter that throws is read as absent", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const hostile = {
      revoked: proxy,
      getter: { get boom() { throw new Error("getter"); } },
      keys: new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } }),
      proto: new Proxy({}, { getPrototypeOf() { throw new Error("proto"); } }),
      length: new Proxy([], { get(t, k) { if (k === "length") throw new Error("length"); return Reflect.get(t, k); } }),
    };
    for (const [name, value] of Object.entries(hostile)) {
      assert.ok(checkOptions(withApi(hosted(), { header: value })).length <= 1, name);
      assert.equal(explainError(value).code, "unknown", name);
      assert.equal(checkOptions(value)[0].code, name === "getter" ? "unknown_option" : "invalid_options", name);
    }
  });

  test("property: no diagnostic ever contains an API key, wherever the options hold it", () => {
    const r = random(5);
    class Thing {}
    for (let i = 0; i < RUNS; i++) {
      const tail = r.text(r.ALNUM, 24, 40);
      const secret = `sk-proj-${tail}`;
      const leaf = () => r.pick([() => undefined, () => 1, () => () => {}, () => r.printable(12), () => secret, () => `Bearer ${secret}`, () => new Thing(), () => new Map()])();
      const tree = (depth) => {
        if (depth > 3 || r.int(3) === 0) return leaf();
        if (r.int(3) === 0) return Array.from({ length: r.int(5) }, () => tree(depth + 1));
        const o = {};
        for (let n = r.int(6); n > 0; n--) o[r.int(4) === 0 ? r.pick([secret, ...ALL, "url", "domainKey"]) : r.text(r.ALNUM, 1, 14)] = tree(depth + 1);
        if (r.int(8) === 0) o.self = o;
        return o;
      };
      const options = r.int(2) ? { api: r.int(2) ? tree(1) : { url: r.pick(["http://a.example", secret, "/x"]), domainKey: leaf() }, ...tree(1) } : tree(0);
      const origin = r.int(2) ? undefined : { origin: `${r.pick(["http", "https"])}://${r.text("abcdefgh", 1, 8)}.example` };
      for (const d of checkOptions(options, origin)) {
        for (const field of [d.path, d.message, d.hint, d.suggestion ?? ""]) assert.equal(field.includes(tail.slice(0, 20)), false, JSON.stringify(d));
        if (d.suggestion) {
          const name = d.suggestion.replace(/^api\./, "");
          assert.ok(ALL.includes(name) || keys.API.includes(name), d.suggestion);
        }
      }
    }
  });

  test("property: an API key used as a key is flagged, never shown", () => {
    const r = random(6);
    for (let i = 0; i < RUNS; i++) {
      const tail = r.text(r.ALNUM, 24, 40);
      const found = checkOptions({ api: hosted(), [`sk-${tail}`]: 1 });
      assert.ok(found.some((d) => d.code === "secret_in_options"));
      assert.equal(JSON.stringify(found).includes(tail), false);
    }
  });
});
