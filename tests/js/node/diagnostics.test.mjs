// Diagnostics through the packed package in Node: explainError on real error shapes,
// checkOptions on one fixture per diagnostic and on clean options, the lists the package
// publishes against their sources (the facade's tables, the d.ts, the Rust error codes),
// the README's Troubleshooting table against explainError, and the development console
// report (including its removal from production bundles). The rules' own unit and
// property tests are in diagnostics-rules.test.mjs.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, test } from "node:test";
import * as esbuild from "esbuild";
import * as glue from "chatkit-glue";
import { jsRoot, packageDir } from "../lib/bundle.mjs";
import { API_KEY, chatkitErrors, cleanOptions, optionFixtures } from "../lib/diagnostics-fixtures.mjs";

const { checkOptions, explainError, reportOptions, chatKitOptionKeys } = glue;
const repo = join(jsRoot, "../..");
const dts = readFileSync(join(packageDir(), "index.d.ts"), "utf8");
// The facade's sources (plain modules, as the package bundles them).
const source = (file) => import(pathToFileURL(join(repo, "pkg-template/src/diagnostics", file)).href);
const union = (name) => [.../"(\w+)"/g[Symbol.matchAll](new RegExp(`export type ${name} =([^;]+);`).exec(dts)[1])].map((m) => m[1]);
const glueError = (code, hint) => Object.assign(new Error(`failed: ${code}`), { name: "ChatKitGlueError", code, retryable: false, ...(hint ? { hint } : {}) });

describe("the lists the package publishes", () => {
  test("chatKitOptionKeys equals the d.ts tuple and the facade's lists", async () => {
    const tuple = [.../"(\w+)"/g[Symbol.matchAll](/export declare const chatKitOptionKeys: readonly \[([^\]]+)\]/.exec(dts)[1])].map((m) => m[1]);
    assert.deepEqual([...chatKitOptionKeys], tuple);
    const keys = await source("keys.js");
    assert.deepEqual([...chatKitOptionKeys], [...keys.chatKitOptionKeys]);
    assert.deepEqual(keys.HANDLER_LIKE, ["onClientTool", ...chatKitOptionKeys.slice(16)], "the handlers follow the 16 options");
    assert.deepEqual(keys.API, [...keys.HOSTED_API, ...keys.CUSTOM_API]);
    assert.equal(new Set(chatKitOptionKeys).size, 29);
    assert.ok(Object.isFrozen(chatKitOptionKeys));
  });

  test("the code unions equal the facade's tables", async () => {
    // A module namespace lists its exports by name: compare the codes as sets.
    const rules = Object.values(await source("rules.js")).map(([code]) => code);
    assert.deepEqual(union("OptionDiagnosticCode").sort(), [...new Set(rules)].sort());
    assert.deepEqual(union("ChatKitErrorCode"), Object.keys((await source("explain.js")).CHATKIT));
  });

  test("explainError's table covers exactly the error codes defined in Rust, in their order", async () => {
    // codes.js is generated from the Rust taxonomy (tests/generated.rs checks it).
    const codes = Object.keys((await source("../codes.js")).RETRYABLE);
    const { GLUE, CHATKIT } = await source("explain.js");
    assert.deepEqual(Object.keys(GLUE), codes);
    assert.deepEqual(union("GlueErrorCode"), codes);
    for (const code of codes) {
      assert.equal(explainError(glueError(code)).code, code);
      assert.equal(code in CHATKIT, false, `${code} names a library error and a ChatKit failure`);
    }
  });
});

describe("checkOptions", () => {
  test("clean options give no diagnostics, hosted and custom", () => {
    assert.deepEqual(checkOptions(cleanOptions(), { origin: "https://app.example.com" }), []);
    const custom = { ...cleanOptions(), api: { url: "https://chat.example.com/api", domainKey: "domain_pk_1", fetch: globalThis.fetch, uploadStrategy: { type: "two_phase" } } };
    assert.deepEqual(checkOptions(custom, { origin: "https://app.example.com" }), []);
    const local = { ...cleanOptions(), api: { url: "http://127.0.0.1:8000/chatkit", domainKey: "local" } };
    assert.deepEqual(checkOptions(local, { origin: "http://localhost:3000" }), []);
  });

  for (const [code, fixture] of Object.entries(optionFixtures)) {
    test(`a fixture triggers ${code}, and only it`, () => {
      const found = checkOptions(fixture.options, fixture.origin === undefined ? undefined : { origin: fixture.origin });
      assert.deepEqual(found.map((d) => d.code), [code], JSON.stringify(found));
      const [d] = found;
      assert.equal(d.path, fixture.path);
      assert.ok(["error", "warning", "info"].includes(d.severity));
      assert.equal(typeof d.message, "string");
      assert.equal(typeof d.hint, "string");
      if (fixture.suggestion) {
        assert.equal(d.suggestion, fixture.suggestion);
        assert.match(d.message, new RegExp(`Did you mean \`${fixture.suggestion}\``));
      } else {
        assert.equal("suggestion" in d, false);
      }
    });
  }

  test("every code has a fixture", () => {
    assert.deepEqual(Object.keys(optionFixtures).sort(), union("OptionDiagnosticCode").sort());
  });

  test("no diagnostic ever contains the API key, even where keys and values hold it", () => {
    const options = { ...cleanOptions(), [API_KEY]: 1, header: { title: { text: `Bearer ${API_KEY}` } }, composer: { tools: [API_KEY] } };
    const found = checkOptions(options);
    assert.deepEqual(found.map((d) => [d.code, d.path]), [
      ["unknown_option", "[redacted]"],
      ["secret_in_options", "composer.tools[0]"],
      ["secret_in_options", "[redacted]"],
      ["secret_in_options", "header.title.text"],
    ]);
    const text = JSON.stringify(found);
    assert.equal(text.includes(API_KEY.slice(3, 20)), false);
    assert.equal(text.includes("Zx9Qw8"), false);
  });

  test("non-plain values are named by kind and path", () => {
    class ClientTools {}
    const found = checkOptions({
      ...cleanOptions(),
      theme: new Map([["colorScheme", "dark"]]),
      startScreen: { greeting: new Date(0) },
      widgets: new ClientTools(),
      entities: Object.assign(Object.create({ constructor: undefined }), {}),
      api: { getClientSecret: Promise.resolve("ek_x") },
    });
    const byPath = Object.fromEntries(found.map((d) => [d.path, d]));
    assert.match(byPath.theme.message, /^`theme` is a Map: useChatKit keeps only its own fields/);
    assert.match(byPath["startScreen.greeting"].message, /is a Date/);
    assert.match(byPath.widgets.message, /is an instance of ClientTools/);
    assert.match(byPath.entities.message, /an object with a custom prototype/);
    assert.match(byPath["api.getClientSecret"].message, /a Promise: pass the function itself/);
    assert.ok(found.every((d) => d.code === "non_plain_value"), JSON.stringify(found));
  });

  test("an object exported by wasm-bindgen is reported as one", () => {
    // The shape wasm-bindgen gives its class instances: an own __wbg_ptr on a class prototype.
    class Probe {
      constructor() {
        this.__wbg_ptr = 1048;
      }
      free() {}
    }
    const [d] = checkOptions({ ...cleanOptions(), widgets: new Probe() });
    assert.equal(d.code, "non_plain_value");
    assert.match(d.message, /`widgets` is a wasm-bindgen object \(Probe\)/);
  });

  test("mistyped names suggest the nearest valid one; far ones suggest nothing", () => {
    const found = checkOptions({ ...cleanOptions(), onClientTools: () => {}, onready: () => {}, domainKey: "k", apiKey: "x", api: { getclientsecret: async () => "" } });
    assert.deepEqual(
      found.map((d) => [d.code, d.path, d.suggestion]),
      [
        ["missing_api", "api", undefined],
        ["unknown_option", "api.getclientsecret", "api.getClientSecret"],
        ["unknown_handler", "onClientTools", "onClientTool"],
        ["unknown_option", "onready", "onReady"],
        ["unknown_option", "domainKey", "api.domainKey"],
        ["unknown_option", "apiKey", undefined],
      ],
    );
  });

  test("an https page with a plain-http backend is an error, an http page a warning", () => {
    const options = { ...cleanOptions(), api: { url: "http://chat.example.com", domainKey: "k" } };
    assert.equal(checkOptions(options, { origin: "https://app.example.com" })[0].severity, "error");
    assert.equal(checkOptions(options, { origin: "http://app.example.com" })[0].severity, "warning");
    assert.equal(checkOptions(options)[0].severity, "warning", "an absolute http URL needs no origin");
  });

  test("hostile values never throw: proxies, throwing getters, deep and huge options", () => {
    const throwing = new Proxy({}, { ownKeys() { throw new Error("no"); }, getPrototypeOf() { return Object.prototype; } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const getter = { get boom() { throw new Error("getter"); } };
    let deep = {};
    const root = deep;
    for (let i = 0; i < 200; i++) deep = deep.next = {};
    const wide = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    for (const value of [throwing, proxy, getter, root, wide, Symbol("s"), 10n, () => {}, null, undefined]) {
      const found = checkOptions({ ...cleanOptions(), header: value });
      assert.ok(Array.isArray(found));
    }
    for (const value of [proxy, throwing, 1, null, [], () => {}]) assert.equal(checkOptions(value)[0].code, "invalid_options");
  });

  test("a bad context is invalid_config", () => {
    for (const context of ["https://a.example", 1, { origin: 1 }]) {
      assert.throws(() => checkOptions({}, context), (e) => glue.isGlueError(e) && e.code === "invalid_config");
    }
  });
});

describe("explainError", () => {
  test("a library error is explained by its code, with its own hint when it has one", async () => {
    const timeout = await glue.withTimeout(new Promise(() => {}), 1).catch((e) => e);
    assert.deepEqual(explainError(timeout), { code: "timeout", title: "Timed out", hint: explainError(glueError("timeout")).hint });
    const withHint = explainError(glueError("load_failed", "Add 'wasm-unsafe-eval' to script-src."));
    assert.deepEqual(withHint, { code: "load_failed", title: "WebAssembly module did not load", hint: "Add 'wasm-unsafe-eval' to script-src." });
    const leaky = explainError(glueError("server_error", `use ${API_KEY}`));
    assert.equal(leaky.code, "server_error");
    assert.equal(leaky.hint.includes("sk-"), false);
  });

  test("ChatKit's errors are matched on name and message, also as onError's { error } and as a cause", () => {
    for (const [code, error] of Object.entries(chatkitErrors())) {
      assert.equal(explainError(error).code, code, error.message);
      assert.equal(explainError({ error }).code, code, "onError's detail");
      assert.equal(explainError(new Error("ChatKit failed", { cause: error })).code, code, "as a cause");
    }
  });

  test("a real failed fetch in Node is fetch_failed", async () => {
    const e = await fetch("http://127.0.0.1:1/").catch((e) => e);
    assert.equal(explainError(e).code, "fetch_failed");
  });

  test("non-Error thrown values", () => {
    assert.equal(explainError("Domain not allowed").code, "domain_not_allowed");
    assert.equal(explainError({ message: "Workflow with id 'wf_1' not found." }).code, "workflow_not_found");
    for (const value of [undefined, null, 42, 10n, Symbol("x"), {}, [], () => {}, "", "oops", { error: 1 }, new Proxy({}, { get() { throw new Error("trap"); } })]) {
      const e = explainError(value);
      assert.equal(e.code, "unknown", String(typeof value));
      assert.equal(e.title, "Unrecognised error");
      assert.match(e.hint, /cannot tell its cause/);
    }
  });

  test("unknown errors are never given a guessed cause, and messages are never repeated", () => {
    for (const message of ["Something went wrong", "Cannot read properties of undefined (reading 'x')", "workflow failed", "domain", `key ${API_KEY}`]) {
      const e = explainError(new Error(message));
      assert.equal(e.code, "unknown", message);
      assert.equal(JSON.stringify(e).includes("Zx9Qw8"), false);
    }
  });
});

describe("README Troubleshooting", () => {
  const readmePath = join(repo, "README.md");
  const START = "<!-- troubleshooting:start -->";
  const END = "<!-- troubleshooting:end -->";

  /** One error for every code explainError can answer. */
  function samples() {
    const codes = union("GlueErrorCode");
    return [...codes.map((c) => [c, glueError(c)]), ...Object.entries(chatkitErrors()), ["unknown", new Error("something else")]];
  }

  test("the table lists exactly explainError's answers (UPDATE_SNAPSHOTS=1 rewrites it)", () => {
    const rows = samples().map(([code, error]) => {
      const e = explainError(error);
      assert.equal(e.code, code);
      return `| \`${e.code}\` | ${e.title} | ${e.hint} |`;
    });
    const table = [START, "| code | what happened | what to change |", "|---|---|---|", ...rows, END].join("\n");
    const readme = readFileSync(readmePath, "utf8");
    const at = readme.indexOf(START);
    const end = readme.indexOf(END);
    assert.ok(at >= 0 && end > at, "README.md has the troubleshooting markers");
    const current = readme.slice(at, end + END.length);
    if (process.env.UPDATE_SNAPSHOTS === "1" && current !== table) {
      writeFileSync(readmePath, readme.replace(current, table));
      return;
    }
    assert.equal(current, table, "README's Troubleshooting table differs from explainError: run scripts/test with UPDATE_SNAPSHOTS=1");
  });
});

describe("reportOptions", () => {
  test("prints each problem once, grouped, errors first, with its hint", async () => {
    const lines = [];
    const saved = {};
    for (const m of ["group", "groupEnd", "error", "warn", "info"]) {
      saved[m] = console[m];
      console[m] = (...args) => lines.push([m, args.join(" ")]);
    }
    try {
      const options = { api: { getClientSecret: async () => "" }, onErorr: () => {} };
      const first = await reportOptions(options);
      const second = await reportOptions(options);
      assert.deepEqual(first.map((d) => d.code), ["unknown_handler", "missing_on_error"]);
      assert.deepEqual(second, first, "the diagnostics are returned every time");
      assert.deepEqual(lines.map(([m]) => m), ["group", "error", "warn", "groupEnd"], "printed once");
      assert.equal(lines[0][1], "chatkit-glue: 2 problems in the ChatKit options");
      assert.match(lines[1][1], /`onErorr` is not a ChatKit event.*Did you mean `onError`\?\n→ useChatKit treats on\* keys/s);
      assert.match(lines[2][1], /No `onError` handler/);
    } finally {
      Object.assign(console, saved);
    }
  });

  test("bundlers drop diagnostics from apps that do not import them", async () => {
    const bundle = async (contents) => {
      const out = await esbuild.build({ stdin: { contents, resolveDir: jsRoot }, bundle: true, write: false, minify: true, format: "esm", platform: "browser", logLevel: "silent" });
      return out.outputFiles[0].text;
    };
    const marks = /Unrecognised error|is not a ChatKit option|wasm-bindgen object|onThreadLoadStart/;
    assert.match(await bundle('export { explainError, checkOptions } from "chatkit-glue";'), marks);
    for (const name of ["ready", "withTimeout", "isGlueError", "createAuthFetch"]) {
      assert.doesNotMatch(await bundle(`export { ${name} } from "chatkit-glue";`), marks, name);
    }
  });

  test("bundlers drop the report from production builds", async () => {
    const build = async (mode) => {
      const out = await esbuild.build({
        stdin: { contents: 'import { reportOptions } from "chatkit-glue"; reportOptions({});', resolveDir: jsRoot },
        bundle: true,
        write: false,
        minify: true,
        format: "esm",
        platform: "browser",
        define: { "process.env.NODE_ENV": JSON.stringify(mode) },
        logLevel: "silent",
      });
      return out.outputFiles[0].text;
    };
    assert.match(await build("development"), /in the ChatKit options/);
    assert.doesNotMatch(await build("production"), /in the ChatKit options/);
  });
});
