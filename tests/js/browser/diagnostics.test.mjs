// Diagnostics through the packed package in headless Chromium: real answers without the
// WebAssembly module (before it loads, and when it cannot), the development console
// report, and real browser error shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { serve } from "../lib/server.mjs";

let browser;
let dir;
before(async () => {
  dir = await bundlePage("glue");
  browser = await launch();
});
after(() => browser?.close());

async function open(serverOptions = {}) {
  const server = await serve(dir, serverOptions);
  const { page, context, log } = await newPage(browser);
  const consoleLines = [];
  page.on("console", (m) => consoleLines.push([m.type(), m.text()]));
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.imported === true);
  return { page, log, server, consoleLines, close: async () => (await context.close(), await server.close()) };
}

describe("diagnostics in a browser", () => {
  test("synchronous real answers without the module: nothing is loaded for them", async () => {
    const { page, server, close } = await open();
    try {
      assert.equal(server.count(".wasm"), 0);
      const early = await page.evaluate(() => ({
        checked: window.glue.checkOptions({ api: {} }).map((d) => d.code),
        explained: window.glue.explainError(new Error("Domain not allowed")).code,
        origin: window.glue.checkOptions({ api: { url: "/api/chatkit", domainKey: "k" }, onError() {} }).map((d) => d.code),
        keys: window.glue.chatKitOptionKeys.length,
      }));
      assert.deepEqual(early.checked, ["missing_api", "missing_on_error"]);
      assert.equal(early.explained, "domain_not_allowed");
      // The page is http://127.0.0.1: loopback, so a relative url is fine.
      assert.deepEqual(early.origin, []);
      assert.equal(early.keys, 29);
      const reported = await page.evaluate(async () => (await window.glue.reportOptions({ api: {} })).map((d) => d.code));
      assert.deepEqual(reported, ["missing_api", "missing_on_error"]);
      assert.equal(server.count(".wasm"), 0, "diagnostics never load the module");
      const late = await page.evaluate(async () => {
        new window.glue.ClientTools();
        await window.glue.ready();
        return window.glue.checkOptions({ api: {} }).map((d) => d.code);
      });
      assert.deepEqual(late, early.checked, "the same answers once it is loaded");
      assert.equal(server.count(".wasm"), 1);
    } finally {
      await close();
    }
  });

  test("the page's origin is the default for the plain-http check", async () => {
    const { page, close } = await open();
    try {
      const found = await page.evaluate(() => {
        const options = { api: { url: "/api/chatkit", domainKey: "k" }, onError() {} };
        return [window.glue.checkOptions(options), window.glue.checkOptions(options, { origin: "http://app.example.com" })];
      });
      assert.deepEqual(found[0], []);
      assert.deepEqual(found[1].map((d) => [d.code, d.severity]), [["insecure_url", "warning"]]);
    } finally {
      await close();
    }
  });

  test("reportOptions prints each problem once, grouped, errors first, with hints", async () => {
    const { page, consoleLines, close } = await open();
    try {
      const codes = await page.evaluate(async () => {
        class Settings {}
        const options = { api: { getClientSecret: async () => "ek_x", domainKey: "k" }, onErorr() {}, theme: new Settings() };
        const first = await window.glue.reportOptions(options);
        await window.glue.reportOptions(options);
        await window.glue.reportOptions({ ...options, onErorr: undefined, onError() {} });
        return first.map((d) => d.code);
      });
      assert.deepEqual(codes, ["hosted_domain_key", "unknown_handler", "missing_on_error", "non_plain_value"]);
      const kinds = consoleLines.map(([type]) => type);
      assert.deepEqual(kinds, ["startGroup", "error", "error", "error", "warning", "endGroup"], JSON.stringify(consoleLines));
      assert.equal(consoleLines[0][1], "chatkit-glue: 4 problems in the ChatKit options");
      assert.match(consoleLines[1][1], /^`api\.domainKey` is only for your own backend.*\n→ Remove it/s);
      assert.match(consoleLines[2][1], /`onErorr`.*Did you mean `onError`\?/);
      assert.match(consoleLines[3][1], /`theme` is an instance of Settings/);
      assert.match(consoleLines[4][1], /No `onError` handler/);
    } finally {
      await close();
    }
  });

  test("real browser errors: a failed fetch, a thrown string, onError's detail", async () => {
    const { page, close } = await open();
    try {
      const codes = await page.evaluate(async () => {
        const failed = await fetch("http://127.0.0.1:1/").catch((e) => e);
        const { explainError } = window.glue;
        return [explainError(failed).code, explainError("Too Many Requests").code, explainError({ error: new Error("Invalid client secret") }).code, explainError(undefined).code];
      });
      assert.deepEqual(codes, ["fetch_failed", "session_rate_limited", "secret_invalid", "unknown"]);
    } finally {
      await close();
    }
  });

  test("after a failed load: load_failed is explained with its own hint, and diagnostics still work", async () => {
    const { page, close } = await open({ wasmStatus: 404 });
    try {
      const r = await page.evaluate(async () => {
        new window.glue.ClientTools();
        const error = await window.glue.ready().catch((e) => e);
        const report = await window.glue.reportOptions({}).then((found) => found.map((d) => d.code), (e) => e.code);
        return {
          explained: window.glue.explainError(error),
          hint: error.hint,
          checked: window.glue.checkOptions({}),
          other: window.glue.explainError(new Error("Domain not allowed")),
          report,
        };
      });
      assert.deepEqual(r.explained, { code: "load_failed", title: "WebAssembly module did not load", hint: r.hint });
      assert.match(r.hint, /answered HTTP 404/);
      assert.deepEqual(r.checked.map((d) => d.code), ["missing_api", "missing_on_error"]);
      assert.equal(r.other.code, "domain_not_allowed");
      assert.deepEqual(r.report, ["missing_api", "missing_on_error"]);
    } finally {
      await close();
    }
  });
});
