// ClientTools and openLinkTool through the packed package in headless Chromium.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { serve } from "../lib/server.mjs";

let browser, server, page, context, log;
before(async () => {
  server = await serve(await bundlePage("tools"));
  browser = await launch();
  ({ page, context, log } = await newPage(browser));
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.imported === true);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("ClientTools in a browser", () => {
  test("a schema registered before load is checked once the module is ready", async () => {
    assert.equal(server.count(".wasm"), 0, "registering fetched nothing");
    const r = await page.evaluate(async () => {
      const ready = await window.early.ready().then(() => null, (e) => ({ code: e.code, message: e.message }));
      const a = await window.early.dispatch({ name: "bad_schema", params: {} });
      const b = await window.early.dispatch({ name: "bad_schema", params: {} });
      return { ready, a: a.error, b: b.error };
    });
    assert.equal(r.ready.code, "invalid_config");
    assert.match(r.ready.message, /^tool "bad_schema": parameters schema at \/properties\/at\/\$ref: cannot resolve "https:\/\/example.com\/schemas\/place": not in this schema nor in `schemas` \(no network\)$/);
    assert.equal(r.a.code, "invalid_config");
    assert.equal(r.a.mayHaveCompleted, false);
    assert.equal(r.b.code, "invalid_config");
    assert.equal(log.consoleErrors.filter((m) => m.includes("bad_schema")).length, 1, "reported on the console once");
    // Once loaded, register checks at once.
    const thrown = await page.evaluate(() => {
      try {
        new window.glue.ClientTools().register("x", { parameters: { $ref: "#/a" }, handler: () => ({}) });
        return null;
      } catch (e) {
        return e.code;
      }
    });
    assert.equal(thrown, "invalid_config");
  });

  test("valid, invalid, unknown, throwing, rejecting, non-object and empty results", async () => {
    const r = await page.evaluate(async () => {
      const { ClientTools } = window.glue;
      const events = [];
      const tools = new ClientTools({ onEvent: (e) => events.push(e) })
        .register("add_note", {
          parameters: {
            type: "object",
            properties: { text: { type: "string", maxLength: 20 }, items: { type: "array", items: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } } },
            required: ["text"],
            additionalProperties: false,
          },
          handler: (p, ctx) => ({ saved: p.text, name: ctx.name, callId: ctx.callId, hasSignal: ctx.signal instanceof AbortSignal }),
        })
        .register("throws", { handler: () => { throw new TypeError("token sk-live-secret in message"); } })
        .register("rejects", { handler: async () => Promise.reject(new RangeError("nope")) })
        .register("number", { handler: () => 42 })
        .register("array", { handler: () => [1] })
        .register("cycle", { handler: () => { const o = { a: {} }; o.a.b = o; return o; } })
        .register("fn_inside", { handler: () => ({ f: () => 1 }) })
        .register("bigint", { handler: () => ({ n: 1n }) })
        .register("map", { handler: () => new Map() })
        .register("nothing", { handler: async () => {} })
        .register("proto_keys", { parameters: JSON.parse('{"type": "object", "required": ["constructor"], "properties": {"__proto__": {"type": "string"}}}'), handler: (p) => ({ keys: Object.keys(p) }) });
      const d = tools.dispatch;
      const out = {};
      out.same = d === tools.dispatch;
      out.ok = await d({ name: "add_note", params: { text: "hi", items: [{ id: 1 }] } });
      out.badItem = await d({ name: "add_note", params: { text: "hi", items: [{ id: 1 }, { id: 2 }, { id: 2.5 }] } });
      out.extra = await d({ name: "add_note", params: { text: "hi", secret: "sk-live-abc" } });
      out.unknown = await d({ name: "add_nte", params: {} });
      for (const n of ["throws", "rejects", "number", "array", "cycle", "fn_inside", "bigint", "map", "nothing"]) out[n] = await d({ name: n, params: {} });
      out.protoMissing = await d({ name: "proto_keys", params: {} });
      out.protoOk = await d({ name: "proto_keys", params: JSON.parse('{"constructor": 1, "__proto__": "x"}') });
      out.protoBad = await d({ name: "proto_keys", params: JSON.parse('{"constructor": 1, "__proto__": 5}') });
      out.events = events;
      return out;
    });
    assert.equal(r.same, true, "dispatch is stable");
    assert.equal(r.ok.saved, "hi");
    assert.equal(r.ok.name, "add_note");
    assert.equal(r.ok.hasSignal, true);
    assert.deepEqual(r.badItem, { error: { code: "invalid_params", message: 'invalid params for tool "add_note" at /items/2/id: type: expected integer', retryable: false, mayHaveCompleted: false } });
    assert.equal(r.extra.error.message, 'invalid params for tool "add_note" at /secret: additionalProperties: unexpected property');
    assert.equal(r.unknown.error.code, "unknown_tool");
    assert.match(r.unknown.error.message, /registered tools: "add_note", "throws"/);
    assert.match(r.unknown.error.message, /did you mean "add_note"\?/);
    assert.deepEqual(r.throws.error, { code: "tool_failed", message: 'tool "throws" failed: the handler threw (TypeError)', retryable: false, mayHaveCompleted: true });
    assert.equal(r.rejects.error.code, "tool_failed");
    assert.match(r.rejects.error.message, /rejected \(RangeError\)/);
    for (const n of ["number", "array", "cycle", "fn_inside", "bigint", "map"]) {
      assert.equal(r[n].error.code, "invalid_result", n);
      assert.equal(r[n].error.mayHaveCompleted, true, n);
    }
    assert.match(r.cycle.error.message, /a cycle at \/a\/b/);
    assert.match(r.fn_inside.error.message, /a function at \/f/);
    assert.deepEqual(r.nothing, {}, "undefined becomes {}");
    assert.equal(r.protoMissing.error.message, 'invalid params for tool "proto_keys": required: missing property "constructor"');
    assert.deepEqual(r.protoOk.keys, ["constructor", "__proto__"]);
    assert.equal(r.protoBad.error.message, 'invalid params for tool "proto_keys" at /__proto__: type: expected string');
    // Events: start and end with name, callId, duration and outcome; never values.
    const json = JSON.stringify(r.events);
    assert.doesNotMatch(json, /sk-live|"hi"|token/);
    const ends = r.events.filter((e) => e.phase === "end");
    assert.equal(r.events.filter((e) => e.phase === "start").length, ends.length);
    assert.deepEqual(Object.keys(ends[0]).sort(), ["callId", "durationMs", "kind", "name", "outcome", "phase"]);
    assert.equal(ends[0].outcome, "ok");
    assert.equal(ends.find((e) => e.name === "throws").outcome, "tool_failed");
    assert.equal(new Set(r.events.map((e) => e.callId)).size, ends.length, "one callId per call");
    // No error message carries the handler's own (possibly secret) text.
    assert.doesNotMatch(JSON.stringify(r), /sk-live-secret|token sk/);
  });

  test("a hanging handler: the timeout fires, the signal aborts, the late result is ignored and reported once", async () => {
    const r = await page.evaluate(async () => {
      const events = [];
      let signal;
      const tools = new window.glue.ClientTools({ onEvent: (e) => events.push(e) }).register("hang", {
        timeoutMs: 30,
        handler: (_p, ctx) => {
          signal = ctx.signal;
          return new Promise((resolve) => setTimeout(() => resolve({ late: true }), 120));
        },
      });
      const result = await tools.dispatch({ name: "hang", params: {} });
      const aborted = signal.aborted;
      const reason = signal.reason && { code: signal.reason.code, name: signal.reason.name };
      await new Promise((r) => setTimeout(r, 200));
      return { result, aborted, reason, events };
    });
    assert.deepEqual(r.result, { error: { code: "timeout", message: 'tool "hang" timed out after 30 ms', retryable: true, mayHaveCompleted: true } });
    assert.equal(r.aborted, true);
    assert.deepEqual(r.reason, { code: "timeout", name: "ChatKitGlueError" });
    assert.deepEqual(r.events.map((e) => [e.phase, e.outcome]), [["start", undefined], ["end", "timeout"], ["late", "ok"]]);
  });

  test('errorMode "throw" rejects with a ChatKitGlueError; dispose aborts calls in flight', async () => {
    const r = await page.evaluate(async () => {
      const { ClientTools, isGlueError } = window.glue;
      const tools = new ClientTools({ errorMode: "throw" }).register("slow", { handler: () => new Promise(() => {}) });
      const unknown = await tools.dispatch({ name: "nope", params: {} }).catch((e) => ({ glue: isGlueError(e), code: e.code }));
      const pending = tools.dispatch({ name: "slow", params: {} }).catch((e) => e.code);
      tools.dispose();
      const after = await tools.dispatch({ name: "slow", params: {} }).catch((e) => e.code);
      let reg;
      try {
        tools.register("x", { handler() {} });
      } catch (e) {
        reg = e.code;
      }
      return { unknown, inflight: await pending, after, reg, names: tools.names() };
    });
    assert.deepEqual(r, { unknown: { glue: true, code: "unknown_tool" }, inflight: "aborted", after: "aborted", reg: "aborted", names: [] });
  });

  test("zod 4 and valibot schemas: the handler gets the output, issues become invalid_params with the path", async () => {
    const r = await page.evaluate(async () => {
      const { z, v } = window;
      const tools = new window.glue.ClientTools()
        .register("zod", { parameters: z.object({ n: z.coerce.number(), tags: z.array(z.string()) }), handler: (p) => ({ n: p.n, type: typeof p.n }) })
        .register("valibot", { parameters: v.object({ user: v.object({ email: v.pipe(v.string(), v.email()) }) }), handler: (p) => ({ email: p.user.email }) })
        .register("async_std", {
          parameters: { "~standard": { version: 1, vendor: "test", validate: async (x) => (x.ok ? { value: { ok: 1 } } : { issues: [{ message: "not ok", path: [{ key: "ok" }] }] }) } },
          handler: (p) => p,
        });
      const d = tools.dispatch;
      return {
        zodOk: await d({ name: "zod", params: { n: "5", tags: [] } }),
        zodBad: await d({ name: "zod", params: { n: 1, tags: ["a", 2] } }),
        valiOk: await d({ name: "valibot", params: { user: { email: "a@example.com" } } }),
        valiBad: await d({ name: "valibot", params: { user: { email: "nope" } } }),
        asyncOk: await d({ name: "async_std", params: { ok: true } }),
        asyncBad: await d({ name: "async_std", params: {} }),
      };
    });
    assert.deepEqual(r.zodOk, { n: 5, type: "number" });
    assert.equal(r.zodBad.error.code, "invalid_params");
    assert.match(r.zodBad.error.message, /^invalid params for tool "zod" at \/tags\/1: /);
    assert.deepEqual(r.valiOk, { email: "a@example.com" });
    assert.match(r.valiBad.error.message, /^invalid params for tool "valibot" at \/user\/email: /);
    assert.deepEqual(r.asyncOk, { ok: 1 });
    assert.equal(r.asyncBad.error.message, 'invalid params for tool "async_std" at /ok: not ok');
  });
});

describe("openLinkTool in a browser", () => {
  const hostile = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\tjava\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "\u0001javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DaTa:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/uuid",
    "https://user:pass@example.com/",
    "https://example.com@evil.com/",
    "https://user@example.com/",
    "//example.com/x",
    "/relative",
    "example.com",
    "https://evil.com/",
    "https://example.com.evil.com/",
    "https://evilexample.com/",
    "https://evil.com\\@example.com/",
    "https://evil.com#@example.com",
    "https://sub.example.org.evil.com/",
    "https://example.org/",
    "ftp://example.com/",
    "",
  ];
  const allowed = [
    ["https://example.com/a?b#c", "https://example.com/a?b#c"],
    ["HTTPS://EXAMPLE.COM:8443/x", "https://example.com:8443/x"],
    ["  https://example.com/trim  ", "https://example.com/trim"],
    ["https://a.example.org/", "https://a.example.org/"],
    ["https://a.b.example.org/", "https://a.b.example.org/"],
    ["http://example.com./", "http://example.com./"],
  ];

  test("a corpus of hostile URLs is invalid_params; allowed ones answer needs_user_gesture without activation", async () => {
    const { page: fresh, context: ctx } = await newPage(browser);
    try {
      const urls = [...hostile, ...allowed.map(([url]) => url), 5];
      await fresh.goto(`${server.url}/#links=${encodeURIComponent(JSON.stringify(urls))}`);
      const deadline = Date.now() + 30_000;
      while (!fresh.url().endsWith("#links-done")) {
        assert.ok(Date.now() < deadline, "the link corpus did not finish");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const r = await fresh.evaluate(() => window.links);
      assert.equal(r.active, false, "the corpus ran without user activation");
      const refused = r.results.slice(0, hostile.length);
      refused.forEach((res, i) => {
        assert.equal(res.error && res.error.code, "invalid_params", `refused: ${JSON.stringify(hostile[i])}`);
        assert.match(res.error.message, /^invalid params for tool "open_link" at \/url: /);
        assert.equal(res.error.mayHaveCompleted, false);
      });
      assert.deepEqual(r.results.slice(hostile.length, -1), allowed.map(([, url]) => ({ opened: false, reason: "needs_user_gesture", url })));
      assert.equal(r.results.at(-1).error.code, "invalid_params", "a non-string url");
      assert.equal(r.opened, 0, "window.open is never called without user activation");
    } finally {
      await ctx.close();
    }
  });

  test("with user activation window.open gets noopener,noreferrer; an open callback is used instead when given", async () => {
    await page.evaluate(() => {
      window.calls = [];
      window.open = (...args) => { window.calls.push(args); return null; };
      window.linkTools = new window.glue.ClientTools()
        .register("open_link", window.glue.openLinkTool({ allowedHosts: ["example.com"] }))
        .register("routed", window.glue.openLinkTool({ target: "_self", open: (url, target) => window.calls.push(["router", url, target]) }));
      document.body.innerHTML = '<button id="b">open</button>';
    });
    await page.click("#b"); // user activation
    const r = await page.evaluate(async () => ({
      active: navigator.userActivation.isActive,
      res: await window.linkTools.dispatch({ name: "open_link", params: { url: "https://example.com/x" } }),
      routed: await window.linkTools.dispatch({ name: "routed", params: { url: "http://anything.test/y" } }),
      calls: window.calls,
    }));
    assert.equal(r.active, true);
    assert.deepEqual(r.res, { opened: true, url: "https://example.com/x" });
    assert.deepEqual(r.routed, { opened: true, url: "http://anything.test/y" });
    assert.deepEqual(r.calls, [["https://example.com/x", "_blank", "noopener,noreferrer"], ["router", "http://anything.test/y", "_self"]]);
  });

  test("bad options are invalid_config", async () => {
    const codes = await page.evaluate(() => {
      const { openLinkTool, ClientTools } = window.glue;
      const out = [];
      for (const f of [
        () => openLinkTool({ allowedHosts: ["https://example.com"] }),
        () => openLinkTool({ allowedHosts: ["example.com:443"] }),
        () => openLinkTool({ allowedHosts: ["example.com/path"] }),
        () => openLinkTool({ allowedHosts: ["user@example.com"] }),
        () => openLinkTool({ allowedHosts: "example.com" }),
        () => openLinkTool({ target: "_top" }),
        () => openLinkTool({ open: "yes" }),
        () => new ClientTools({ defaultTimeoutMs: -1 }),
        () => new ClientTools({ errorMode: "silent" }),
        () => new ClientTools({ timeout: 5 }),
        () => new ClientTools().register("", { handler() {} }),
        () => new ClientTools().register("a", {}),
        () => new ClientTools().register("a", { handler() {} }).register("a", { handler() {} }),
        () => new ClientTools().register("a", { parameters: [], handler() {} }),
      ]) {
        try {
          f();
          out.push("accepted");
        } catch (e) {
          out.push(e.code);
        }
      }
      return out;
    });
    assert.deepEqual(codes, Array(14).fill("invalid_config"));
  });
});
