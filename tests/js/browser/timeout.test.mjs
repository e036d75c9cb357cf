// withTimeout through the packed package in headless Chromium.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { serve } from "../lib/server.mjs";

let browser, server, page, context;
before(async () => {
  server = await serve(await bundlePage("glue"));
  browser = await launch();
  ({ page, context } = await newPage(browser));
  await page.goto(server.url + "/");
  await page.evaluate(() => window.glue.ready());
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("withTimeout in a browser", () => {
  test("a deadline rejects with a ChatKitGlueError and aborts the work's fetch", async () => {
    const r = await page.evaluate(async () => {
      let seen;
      const e = await window.glue
        .withTimeout((signal) => {
          seen = signal;
          return fetch("/never-answered-by-the-test", { signal }).then(() => new Promise(() => {}));
        }, 30)
        .catch((e) => e);
      return {
        isError: e instanceof Error,
        name: e.name,
        code: e.code,
        retryable: e.retryable,
        message: e.message,
        isGlue: window.glue.isGlueError(e),
        aborted: seen.aborted,
        reasonIsError: seen.reason === e,
      };
    });
    assert.deepEqual(r, {
      isError: true,
      name: "ChatKitGlueError",
      code: "timeout",
      retryable: true,
      message: "withTimeout timed out after 30 ms",
      isGlue: true,
      aborted: true,
      reasonIsError: true,
    });
  });

  test("the caller's signal gives aborted, with its reason as cause", async () => {
    const r = await page.evaluate(async () => {
      const c = new AbortController();
      const p = window.glue.withTimeout(new Promise(() => {}), 10_000, { signal: c.signal });
      setTimeout(() => c.abort(new Error("navigated away")), 5);
      const e = await p.catch((e) => e);
      return { code: e.code, cause: e.cause && e.cause.message };
    });
    assert.deepEqual(r, { code: "aborted", cause: "navigated away" });
  });

  test("values and the work's own rejections pass through unchanged", async () => {
    const r = await page.evaluate(async () => {
      const mine = new TypeError("mine");
      const value = await window.glue.withTimeout(Promise.resolve({ a: 1 }), 1000);
      const fromFn = await window.glue.withTimeout(async () => 7, 1000);
      const e = await window.glue.withTimeout(Promise.reject(mine), 1000).catch((e) => e);
      return { value, fromFn, same: e === mine, isGlue: window.glue.isGlueError(e) };
    });
    assert.deepEqual(r, { value: { a: 1 }, fromFn: 7, same: true, isGlue: false });
  });

  test("bad arguments reject with invalid_config", async () => {
    const codes = await page.evaluate(async () => {
      const p = new Promise(() => {});
      const calls = [
        () => window.glue.withTimeout(p, -5),
        () => window.glue.withTimeout(p, Number.NaN),
        () => window.glue.withTimeout(p, "100"),
        () => window.glue.withTimeout(undefined, 100),
        () => window.glue.withTimeout(p, 100, { signal: {} }),
      ];
      const out = [];
      for (const call of calls) out.push(await call().then(() => "resolved", (e) => e.code));
      return out;
    });
    assert.deepEqual(codes, Array(5).fill("invalid_config"));
  });
});
