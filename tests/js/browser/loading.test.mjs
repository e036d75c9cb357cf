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
  test("importing fetches nothing; the first use loads the .wasm once", async () => {
    const { page, server, log, close } = await open();
    try {
      await page.waitForTimeout(200);
      assert.equal(server.count(".wasm"), 0, "no .wasm request at import time");
      const code = await page.evaluate(() =>
        window.glue.withTimeout(new Promise(() => {}), 10).catch((e) => e.code),
      );
      assert.equal(code, "timeout");
      await page.evaluate(() => Promise.all([window.glue.ready(), window.glue.ready()]));
      assert.equal(server.count(".wasm"), 1, "loaded exactly once");
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.consoleErrors, []);
    } finally {
      await close();
    }
  });

  test("preload() starts the load early and ready() resolves", async () => {
    const { page, server, close } = await open();
    try {
      await page.evaluate(() => window.glue.preload());
      await page.evaluate(() => window.glue.ready());
      assert.equal(server.count(".wasm"), 1);
    } finally {
      await close();
    }
  });

  test("a .wasm answering 404 is load_failed with a hint naming the URL, never a hang", async () => {
    const { page, close } = await open({ wasmStatus: 404 });
    try {
      const result = await page.evaluate(async () => {
        const { ready, withTimeout, isGlueError } = window.glue;
        const a = await ready().then(() => null, (e) => e);
        const b = await withTimeout(Promise.resolve(1), 1000).then(() => null, (e) => e);
        const pick = (e) => ({ isGlue: isGlueError(e), name: e.name, code: e.code, status: e.status, hint: e.hint, message: e.message, retryable: e.retryable });
        return { a: pick(a), b: pick(b), same: a === b };
      });
      assert.equal(result.a.isGlue, true);
      assert.equal(result.a.code, "load_failed");
      assert.equal(result.a.retryable, false);
      assert.equal(result.a.status, 404);
      assert.match(result.a.hint, /chatkit_glue_bg\.wasm answered HTTP 404/);
      assert.match(result.a.message, /HTTP 404/);
      assert.equal(result.b.code, "load_failed", "every async API rejects with load_failed after a failed load");
      assert.equal(result.same, true, "one failure, reported to every caller");
    } finally {
      await close();
    }
  });

  test("a CSP without 'wasm-unsafe-eval' is load_failed with the CSP hint", async () => {
    const { page, close } = await open({ csp: "default-src 'self'; script-src 'self'" });
    try {
      const e = await page.evaluate(() =>
        window.glue.ready().then(
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
      await page.evaluate(() => window.glue.ready());
    } finally {
      await close();
    }
  });
});
