// A trap inside a module (a bug) never leaves a caller hanging: the call that hit it and
// every pending call of that module fail with `internal`, later calls fail fast with the
// same error, it is reported once, and features served by another module keep working.
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

async function open() {
  const p = await newPage(browser);
  await p.page.goto(server.url + "/");
  await p.page.waitForFunction(() => window.imported === true);
  // The secrets endpoints answer after 50 ms; everything else (the .wasm files) passes through.
  await p.page.evaluate(() => {
    const real = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes("/api/chatkit/")) return real(input, init);
      const body = JSON.stringify({ client_secret: "ek_" + Math.random().toString(36).slice(2), expires_after: 600 });
      return new Promise((r) => setTimeout(() => r(new Response(body, { headers: { "content-type": "application/json" } })), 50));
    };
  });
  return p;
}

test("secrets: a trap fails the call that hit it, every pending call and every later call with internal", async () => {
  const { page, context, log } = await open();
  try {
    const r = await page.evaluate(async () => {
      const { ClientSecretSource, ClientTools, isGlueError, ready } = window.glue;
      const a = new ClientSecretSource();
      const b = new ClientSecretSource();
      await ready();
      const first = a.getClientSecret(null).catch((e) => e);
      const pending = b.getClientSecret(null).catch((e) => e);
      window.trapNext("secrets", "secrets_reply"); // the next answer read by the core traps
      const [e1, e2] = await Promise.all([first, pending]);
      const later = await new ClientSecretSource().getClientSecret(null).catch((e) => e);
      // Another module is not affected.
      const tools = new ClientTools().register("echo", { handler: (p) => ({ echoed: p.x }) });
      const dispatched = await tools.dispatch({ name: "echo", params: { x: 1 } });
      return {
        codes: [e1.code, e2.code, later.code],
        isGlue: isGlueError(e1),
        causeIsTrap: e1.cause instanceof WebAssembly.RuntimeError,
        same: e1 === e2 && e2 === later,
        dispatched,
        modules: window.loadedModules(),
      };
    });
    assert.deepEqual(r.codes, ["internal", "internal", "internal"]);
    assert.equal(r.isGlue, true);
    assert.equal(r.causeIsTrap, true);
    assert.equal(r.same, true, "one error for every call");
    assert.deepEqual(r.dispatched, { echoed: 1 });
    assert.deepEqual(r.modules, ["secrets", "tools"]);
    assert.equal(log.consoleErrors.filter((t) => t.includes("internal error")).length, 1, "reported once");
  } finally {
    await context.close();
  }
});

test("secrets: a trap while a retry waits settles the waiting call with internal", async () => {
  const { page, context } = await open();
  try {
    const code = await page.evaluate(async () => {
      const { ClientSecretSource, ready } = window.glue;
      const s = new ClientSecretSource({ retries: 3 });
      await ready();
      // The first answer is a 503: the core asks for a wait, then the resume traps.
      const real = window.fetch;
      window.fetch = (input, init) =>
        String(input).includes("/api/chatkit/") ? Promise.resolve(new Response("busy", { status: 503 })) : real(input, init);
      window.trapNext("secrets", "secrets_resume");
      return s.getClientSecret(null).then(() => "resolved", (e) => e.code);
    });
    assert.equal(code, "internal");
  } finally {
    await context.close();
  }
});

test("auth fetch: a trap fails the call that hit it, every pending call and every later call with internal", async () => {
  const { page, context } = await open();
  try {
    const r = await page.evaluate(async () => {
      const { createAuthFetch, ClientTools, isGlueError, preload, ready } = window.glue;
      const f = createAuthFetch({ token: () => "tok-1" });
      preload();
      await ready();
      // Both requests are in flight; the first status the core reads traps.
      window.trapNext("auth_fetch", "auth_fetch_status");
      const first = f("/api/chatkit/a").catch((e) => e);
      const pending = f("/api/chatkit/b").catch((e) => e);
      const [e1, e2] = await Promise.all([first, pending]);
      const later = await f("/api/chatkit/c").catch((e) => e);
      const other = await createAuthFetch({ token: () => "tok-2" })("/api/chatkit/d").catch((e) => e);
      const tools = new ClientTools().register("echo", { handler: (p) => ({ echoed: p.x }) });
      const dispatched = await tools.dispatch({ name: "echo", params: { x: 1 } });
      return {
        codes: [e1.code, e2.code, later.code, other.code],
        isGlue: isGlueError(e1),
        causeIsTrap: e1.cause instanceof WebAssembly.RuntimeError,
        dispatched,
      };
    });
    assert.deepEqual(r.codes, ["internal", "internal", "internal", "internal"]);
    assert.equal(r.isGlue, true);
    assert.equal(r.causeIsTrap, true);
    assert.deepEqual(r.dispatched, { echoed: 1 });
  } finally {
    await context.close();
  }
});

test("analytics: a trap settles a waiting flush() and every later call with internal, reported once to onError", async () => {
  const { page, context, log } = await open();
  try {
    const r = await page.evaluate(async () => {
      const { ChatKitAnalytics, ClientSecretSource, ready } = window.glue;
      const errors = [];
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      const onError = (e, { source }) => errors.push([e.code, source]);
      const a = new ChatKitAnalytics({ sink: () => gate, onError });
      await ready();
      a.track("one", { n: 1 });
      // The sink holds the batch; the module traps when its outcome is reported.
      const waiting = a.flush().then(() => "resolved", (e) => e.code);
      window.trapNext("analytics", "analytics_settle");
      release();
      const first = await waiting;
      a.track("two", { n: 2 });
      const later = await a.flush().then(() => "resolved", (e) => e.code);
      const fresh = await new ChatKitAnalytics({ sink: () => {}, onError }).flush().then(() => "resolved", (e) => e.code);
      a.dispose();
      // Another module is not affected.
      const secret = await new ClientSecretSource().getClientSecret(null);
      return { first, later, fresh, errors, secret: typeof secret };
    });
    assert.deepEqual([r.first, r.later, r.fresh], ["internal", "internal", "internal"]);
    assert.deepEqual(r.errors, [["internal", "internal"]], "reported once to onError");
    assert.equal(r.secret, "string");
    assert.equal(log.consoleErrors.filter((t) => t.includes("internal error")).length, 1, "logged once");
  } finally {
    await context.close();
  }
});

test("tools: a trap in validate settles the pending dispatch and every later one with internal, in both error modes; secrets keep working", async () => {
  const { page, context, log } = await open();
  try {
    const r = await page.evaluate(async () => {
      const { ClientSecretSource, ClientTools, isGlueError } = window.glue;
      const schema = { type: "object", properties: { a: { type: "number" } }, required: ["a"] };
      let ran = 0;
      const asResult = new ClientTools().register("sum", { parameters: schema, handler: (p) => (ran++, { s: p.a }) });
      const asThrow = new ClientTools({ errorMode: "throw" }).register("sum", { parameters: schema, handler: (p) => (ran++, { s: p.a }) });
      // Both dispatches wait for the module to load; its first validate traps.
      window.trapOnLoad("tools", "tools_validate");
      const pending = asResult.dispatch({ name: "sum", params: { a: 1 } });
      const pendingThrow = asThrow.dispatch({ name: "sum", params: { a: 2 } }).then(() => "resolved", (e) => e);
      const [hit, thrown] = await Promise.all([pending, pendingThrow]);
      const later = await asResult.dispatch({ name: "sum", params: { a: 3 } });
      const laterThrow = await asThrow.dispatch({ name: "sum", params: { a: 4 } }).then(() => "resolved", (e) => e);
      const unknown = await asResult.dispatch({ name: "nope", params: {} });
      let registered;
      try {
        new ClientTools().register("late", { parameters: schema, handler: () => ({}) });
        registered = "registered";
      } catch (e) {
        registered = e.code;
      }
      // Another module is not affected.
      const secret = await new ClientSecretSource().getClientSecret(null);
      return {
        hit,
        later,
        unknown,
        thrown: [thrown.code, laterThrow.code, isGlueError(thrown), thrown.cause instanceof WebAssembly.RuntimeError, thrown === laterThrow],
        registered,
        ran,
        secret: typeof secret,
        modules: window.loadedModules(),
      };
    });
    const internal = { code: "internal", message: r.hit.error?.message, retryable: false, mayHaveCompleted: false };
    assert.deepEqual(r.hit, { error: internal });
    assert.deepEqual(r.later, { error: internal });
    assert.deepEqual(r.unknown, { error: internal });
    assert.deepEqual(r.thrown, ["internal", "internal", true, true, true]);
    assert.equal(r.registered, "internal");
    assert.equal(r.ran, 0, "no handler ran");
    assert.equal(r.secret, "string");
    assert.deepEqual(r.modules, ["secrets", "tools"]);
    assert.ok(log.consoleErrors.some((t) => t.includes("internal error")), "reported");
  } finally {
    await context.close();
  }
});

// API.md: a trap "is logged once to the console". A ClientTools whose schemas were
// registered before the module loaded compiles them on its first dispatch; after another
// instance's trap that compile fails with the trap's error, which is not logged again.
test(
  "tools: a trap is logged once even when another ClientTools compiles its schemas afterwards",
  async () => {
    const { page, context, log } = await open();
    try {
      await page.evaluate(async () => {
        const { ClientTools } = window.glue;
        const a = new ClientTools().register("a", { parameters: { type: "object" }, handler: () => ({}) });
        const b = new ClientTools().register("b", { parameters: { type: "object" }, handler: () => ({}) });
        window.trapOnLoad("tools", "tools_validate");
        await a.dispatch({ name: "a", params: {} });
        await b.dispatch({ name: "b", params: {} });
      });
      assert.equal(log.consoleErrors.filter((t) => t.includes("internal error")).length, 1, "logged once");
    } finally {
      await context.close();
    }
  },
);

test("auth fetch: an auth fetch made after a trap fails with internal without logging it again", async () => {
  const { page, context, log } = await open();
  try {
    const codes = await page.evaluate(async () => {
      const { createAuthFetch, preload, ready } = window.glue;
      const f = createAuthFetch({ token: () => "tok-1" });
      preload();
      await ready();
      window.trapNext("auth_fetch", "auth_fetch_status");
      const first = await f("/api/chatkit/a").catch((e) => e.code);
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await createAuthFetch({ token: () => "tok-" + i })("/api/chatkit/b").catch((e) => e.code));
      return [first, ...made];
    });
    assert.deepEqual(codes, ["internal", "internal", "internal", "internal"]);
    assert.equal(log.consoleErrors.filter((t) => t.includes("internal error")).length, 1, "logged once");
    assert.doesNotMatch(log.consoleErrors.join("\n"), /tok-\d/);
  } finally {
    await context.close();
  }
});
