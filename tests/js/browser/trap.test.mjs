// A trap inside the module (a bug) never leaves a caller hanging: the call that hit it
// and every pending call fail with `internal`, and later calls fail fast the same way.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { serve } from "../lib/server.mjs";

let browser, server;
before(async () => {
  server = await serve(await bundlePage("trap"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function page() {
  const p = await newPage(browser);
  await p.page.goto(server.url + "/");
  await p.page.waitForFunction(() => window.imported === true);
  await p.page.evaluate(() => window.glue.ready());
  return p;
}

test("a trap inside a task fails the pending calls and every later call with internal", async () => {
  const { page: pg, context, log } = await page();
  try {
    const r = await pg.evaluate(async () => {
      const { withTimeout, isGlueError } = window.glue;
      const pending = withTimeout(new Promise(() => {}), 60_000).catch((e) => e);
      window.raw.__trapForTests(true); // traps in the module's executor, a microtask later
      const first = await pending;
      const later = await withTimeout(Promise.resolve(1), 1000).catch((e) => e);
      return {
        code: first.code,
        isGlue: isGlueError(first),
        causeIsTrap: first.cause instanceof WebAssembly.RuntimeError,
        laterCode: later.code,
        same: first === later,
      };
    });
    assert.deepEqual(r, { code: "internal", isGlue: true, causeIsTrap: true, laterCode: "internal", same: true });
    assert.equal(log.consoleErrors.filter((t) => t.includes("internal error")).length, 1, "reported once");
  } finally {
    await context.close();
  }
});
