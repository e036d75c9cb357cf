// The loading facade in headless Chromium: nothing at import time, load on first need,
// and load failures that say why instead of hanging.
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
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.imported === true);
  return { page, log, server, close: async () => (await context.close(), await server.close()) };
}

describe("loading in a browser", () => {
  test("importing fetches nothing; withTimeout needs no module; a feature's first use loads its .wasm once", async () => {
    const { page, server, log, close } = await open();
    try {
      await page.waitForTimeout(200);
      assert.equal(server.count(".wasm"), 0, "no .wasm request at import time");
      const code = await page.evaluate(() =>
        window.glue.withTimeout(new Promise(() => {}), 10).catch((e) => e.code),
      );
      assert.equal(code, "timeout");
      await page.evaluate(() => Promise.all([window.glue.ready(), window.glue.ready()]));
      assert.equal(server.count(".wasm"), 0, "withTimeout and ready() with no feature in use load nothing");
      await page.evaluate(() => {
        window.secrets = new window.glue.ClientSecretSource();
        return Promise.all([window.glue.ready(), window.glue.ready()]);
      });
      assert.equal(server.count(".wasm"), 1, "loaded exactly once");
      assert.equal(server.count("chatkit_glue_secrets_bg.wasm"), 1, "only the module of the feature in use");
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.consoleErrors, []);
    } finally {
      await close();
    }
  });

  test("preload() starts the load early and ready() resolves", async () => {
    const { page, server, close } = await open();
    try {
      await page.evaluate(() => {
        window.tools = new window.glue.ClientTools();
        window.analytics = new window.glue.ChatKitAnalytics();
        window.glue.preload();
      });
      await page.evaluate(() => window.glue.ready());
      assert.equal(server.count(".wasm"), 2, "the modules of the two features in use");
      assert.equal(server.count("chatkit_glue_secrets_bg.wasm"), 0);
    } finally {
      await close();
    }
  });

  test("getClientSecret's first /start request leaves before the module has loaded; the core reads its answer", async () => {
    const { page, server, close } = await open({ wasmDelayMs: 400 });
    try {
      const e = await page.evaluate(() =>
        new window.glue.ClientSecretSource({ retries: 0 }).getClientSecret(null).catch((e) => ({ code: e.code, status: e.status })),
      );
      // The static server answers /api/chatkit/start 404: the core, loaded meanwhile, says bad_request.
      assert.deepEqual(e, { code: "bad_request", status: 404 });
      const at = (event) => server.events.indexOf(event);
      assert.ok(at("request /chatkit_glue_secrets_bg.wasm") >= 0);
      assert.ok(at("request /api/chatkit/start") < at("answer /chatkit_glue_secrets_bg.wasm"), "the request left while the module was loading");
      assert.ok(at("answer /api/chatkit/start") < at("answer /chatkit_glue_secrets_bg.wasm"), "its answer waited for the core");
      assert.equal(server.count("/api/chatkit/start"), 1, "the early request is the operation's first, not sent twice");
    } finally {
      await close();
    }
  });

  test("a .wasm answering 404 is load_failed with a hint naming the URL, never a hang", async () => {
    const { page, close } = await open({ wasmStatus: 404 });
    try {
      const result = await page.evaluate(async () => {
        const { ready, ClientSecretSource, isGlueError } = window.glue;
        const secrets = new ClientSecretSource();
        const a = await ready().then(() => null, (e) => e);
        const b = await secrets.getClientSecret(null).then(() => null, (e) => e);
        const pick = (e) => ({ isGlue: isGlueError(e), name: e.name, code: e.code, status: e.status, hint: e.hint, message: e.message, retryable: e.retryable });
        return { a: pick(a), b: pick(b), same: a === b };
      });
      assert.equal(result.a.isGlue, true);
      assert.equal(result.a.code, "load_failed");
      assert.equal(result.a.retryable, false);
      assert.equal(result.a.status, 404);
      assert.match(result.a.hint, /chatkit_glue_secrets_bg\.wasm answered HTTP 404/);
      assert.match(result.a.message, /HTTP 404/);
      assert.equal(result.b.code, "load_failed", "every async API rejects with load_failed after a failed load");
      assert.equal(result.same, true, "one failure, reported to every caller");
    } finally {
      await close();
    }
  });

  test("a .wasm served with another Content-Type still loads, compiled from its bytes, with a warning naming it", async () => {
    const { page, server, close } = await open({ wasmType: "application/octet-stream" });
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    try {
      const result = await page.evaluate(async () => {
        const tools = new window.glue.ClientTools().register("add", {
          parameters: { type: "object", properties: { a: { type: "integer" } }, required: ["a"] },
          handler: ({ a }) => ({ sum: a + 1 }),
        });
        const ok = await tools.dispatch({ name: "add", params: { a: 1 } });
        const bad = (await tools.dispatch({ name: "add", params: { a: "1" } })).error.code;
        return { ok, bad };
      });
      assert.deepEqual(result.ok, { sum: 2 });
      assert.equal(result.bad, "invalid_params", "the module validates: it loaded");
      assert.equal(server.count("chatkit_glue_tools_bg.wasm"), 1, "fetched once: the bytes of the failed streaming compile are reused");
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0], /chatkit_glue_tools_bg\.wasm is not served as application\/wasm/);
    } finally {
      await close();
    }
  });

  test("a .wasm that does not compile is load_failed with the compile hint, for every caller", async () => {
    const { page, close } = await open({ wasmBody: Buffer.from("\0asm not a module") });
    try {
      const result = await page.evaluate(async () => {
        const secrets = new window.glue.ClientSecretSource();
        const a = await window.glue.ready().then(() => null, (e) => e);
        const b = await secrets.getClientSecret(null).then(() => null, (e) => e);
        return { code: a && a.code, hint: a && a.hint, cause: a && String(a.cause), same: a === b };
      });
      assert.equal(result.code, "load_failed");
      assert.match(result.hint, /could not be compiled/);
      assert.match(result.cause, /CompileError/);
      assert.equal(result.same, true);
    } finally {
      await close();
    }
  });

  test("a CSP without 'wasm-unsafe-eval' is load_failed with the CSP hint", async () => {
    const { page, close } = await open({ csp: "default-src 'self'; script-src 'self'" });
    try {
      const e = await page.evaluate(() =>
        (new window.glue.ChatKitAnalytics(), window.glue.ready()).then(
          () => null,
          (e) => ({ code: e.code, hint: e.hint, isGlue: window.glue.isGlueError(e) }),
        ),
      );
      assert.ok(e, "ready() must reject");
      assert.equal(e.isGlue, true);
      assert.equal(e.code, "load_failed");
      assert.match(e.hint, /'wasm-unsafe-eval'/);
    } finally {
      await close();
    }
  });

  test("the same CSP with 'wasm-unsafe-eval' loads", async () => {
    const { page, close } = await open({ csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" });
    try {
      await page.evaluate(() => (new window.glue.ClientTools(), window.glue.ready()));
    } finally {
      await close();
    }
  });
});
