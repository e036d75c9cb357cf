// ChatKitAnalytics through the packed package in headless Chromium, delivering to a local
// server with scripted answers (tests/js/lib/analytics-server.mjs).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage, jsRoot } from "../lib/bundle.mjs";
import { serveAnalytics } from "../lib/analytics-server.mjs";

// Helpers every page gets before its scripts run.
const INIT = () => {
  window.unhandled = [];
  addEventListener("unhandledrejection", (e) => window.unhandled.push(String(e.reason)));
  window.until = async (check, ms = 8000) => {
    const end = performance.now() + ms;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (performance.now() > end) throw new Error("condition not met: " + check);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  // An analytics object whose sink keeps every batch; errors kept too.
  window.withSink = (options = {}) => {
    const batches = [];
    const errors = [];
    const analytics = new window.glue.ChatKitAnalytics({
      sink: (batch) => void batches.push(batch),
      onError: (error, context) => errors.push({ message: error.message, code: error.code, status: error.status, source: context.source, isError: error instanceof Error }),
      ...options,
    });
    return { analytics, batches, errors, events: () => batches.flat() };
  };
};

let browser, server, page, context, log;
before(async () => {
  server = await serveAnalytics(await bundlePage("glue"));
  browser = await launch();
  ({ page, context, log } = await newPage(browser));
  await context.addInitScript(INIT);
  await page.goto(server.url + "/");
  await page.evaluate(() => window.glue.ready());
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The handler names @openai/chatkit-react derives from @openai/chatkit's ChatKitEvents. */
function chatkitHandlerNames() {
  // Neither package exports its package.json: find them where Node would.
  const find = (name, from) =>
    createRequire(from)
      .resolve.paths(name)
      .map((dir) => join(dir, name))
      .find((dir) => existsSync(join(dir, "package.json")));
  const reactDir = find("@openai/chatkit-react", join(jsRoot, "package.json"));
  const react = readFileSync(join(reactDir, "dist/index.d.ts"), "utf8");
  // The derivation this test applies is the one the installed package declares.
  assert.match(react, /DotToCamelCase<K> extends `chatkit\$\{infer EventName\}` \? `on\$\{Capitalize<EventName>\}`/);
  assert.match(react, /type ChatKitEventHandlers = Partial<\{\s*\[K in keyof ChatKitEvents as ToEventHandlerKey<K>\]/);
  const coreDir = find("@openai/chatkit", join(reactDir, "package.json"));
  const types = readFileSync(join(coreDir, "types/index.d.ts"), "utf8");
  const block = /export type ChatKitEvents = \{([\s\S]*?)\n\};/.exec(types)[1];
  const events = [...block.matchAll(/^\s*'(chatkit\.[a-z.]+)':/gm)].map((m) => m[1]);
  assert.ok(events.length >= 10, "ChatKitEvents parsed");
  return events.map((e) => "on" + e.split(".").slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join(""));
}

describe("ChatKitAnalytics in a browser", () => {
  test("handlers() has exactly @openai/chatkit-react's handler names, as one stable plain object of functions", async () => {
    const expected = chatkitHandlerNames();
    const r = await page.evaluate(() => {
      const a = new window.glue.ChatKitAnalytics({ sink: () => {} });
      const h = a.handlers();
      const r = {
        keys: Object.keys(h),
        plain: Object.getPrototypeOf(h) === Object.prototype,
        functions: Object.values(h).every((f) => typeof f === "function"),
        stable: a.handlers() === h && a.handlers().onLog === h.onLog,
        spreadKeys: Object.keys({ ...h }).length + Object.getOwnPropertySymbols({ ...h }).length,
      };
      a.dispose();
      return r;
    });
    assert.deepEqual(r.keys.toSorted(), expected.toSorted());
    assert.equal(r.keys.length, 13);
    assert.deepEqual({ ...r, keys: undefined }, { keys: undefined, plain: true, functions: true, stable: true, spreadKeys: 13 });
  });

  test("responses pair in order; a new start, a thread switch and dispose abandon", async () => {
    const r = await page.evaluate(async () => {
      const { analytics, events } = window.withSink({ batchSize: 100, flushIntervalMs: 60_000 });
      const h = analytics.handlers();
      const wait = (ms) => new Promise((res) => setTimeout(res, ms));
      h.onReady();
      h.onResponseStart(); // a new thread: its id arrives mid-response, not abandoned
      h.onThreadChange({ threadId: "t1" });
      await wait(30);
      h.onResponseEnd();
      h.onResponseStart();
      h.onResponseStart(); // abandons the first
      h.onResponseEnd();
      h.onResponseStart();
      h.onThreadChange({ threadId: "t2" }); // abandons, stamped with t1
      h.onResponseEnd(); // no start: counted, no duration
      h.onThreadLoadStart({ threadId: "t3" });
      await wait(10);
      h.onThreadLoadEnd({ threadId: "t3" });
      h.onResponseStart();
      await analytics.flush();
      const before = analytics.metrics();
      analytics.dispose(); // abandons the running one; sends what is left
      await window.until(() => events().some((e) => e.type === "response.abandoned" && e.threadId === "t2"));
      return { events: events().map(({ type, threadId, durationMs }) => ({ type, threadId, d: durationMs !== undefined })), before, after: analytics.metrics(), first: events()[3] };
    });
    assert.deepEqual(
      r.events.map((e) => `${e.type}@${e.threadId}${e.d ? "+d" : ""}`),
      [
        "ready@null+d",
        "response.start@null",
        "thread.change@t1",
        "response.end@t1+d",
        "response.start@t1",
        "response.abandoned@t1+d",
        "response.start@t1",
        "response.end@t1+d",
        "response.start@t1",
        "response.abandoned@t1+d",
        "thread.change@t2",
        "response.end@t2",
        "thread.load.start@t3",
        "thread.load.end@t3+d",
        "response.start@t2",
        "response.abandoned@t2+d",
      ],
    );
    assert.equal(r.before.responses, 3);
    assert.equal(r.before.abandoned, 2);
    assert.equal(r.after.abandoned, 3);
    assert.ok(r.before.responseMs.max >= 30, JSON.stringify(r.before.responseMs));
    assert.ok(r.before.responseMs.p50 <= r.before.responseMs.p99);
    assert.ok(r.before.threadLoadMs.max >= 10);
    assert.equal(typeof r.before.timeToReadyMs, "number");
  });

  test("flush by count, by interval and by bytes", async () => {
    server.plan("bytes", []);
    const r = await page.evaluate(async (url) => {
      // Count: the third event sends at once, the interval is an hour away.
      const c = window.withSink({ batchSize: 3, flushIntervalMs: 3_600_000 });
      c.analytics.track("a");
      c.analytics.track("b");
      await new Promise((res) => setTimeout(res, 50));
      const beforeThird = c.batches.length;
      c.analytics.track("c");
      await window.until(() => c.batches.length === 1);
      // Interval: one event, sent by the timer without a flush() call.
      const i = window.withSink({ batchSize: 100, flushIntervalMs: 150 });
      i.analytics.track("lonely");
      const atOnce = i.batches.length;
      await window.until(() => i.batches.length === 1);
      // Bytes: ~400-byte events and 1000-byte batches: sent as the bytes fill up.
      const b = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/bytes", batchSize: 100, flushIntervalMs: 3_600_000, maxBatchBytes: 1000 });
      for (let k = 0; k < 5; k++) b.track("big", { k, text: "x".repeat(300) });
      await window.until(() => b.metrics().sent >= 4);
      const r = { beforeThird, count: c.batches[0].map((e) => e.type), atOnce, interval: i.batches[0].map((e) => e.type), bytesQueued: b.metrics().queued };
      for (const x of [c, i]) x.analytics.dispose();
      b.dispose();
      return r;
    }, server.url);
    assert.deepEqual(r, { beforeThird: 0, count: ["a", "b", "c"], atOnce: 0, interval: ["lonely"], bytesQueued: 1 });
    const got = await server.waitFor("bytes", 3); // two batches by bytes, one from dispose
    assert.deepEqual(got.map((x) => x.body.events.length), [2, 2, 1]);
    for (const x of got) {
      assert.ok(x.bytes <= 1000, `${x.bytes} bytes`);
      assert.equal(x.contentType, "application/json");
      assert.equal(typeof x.body.sentAt, "number");
      assert.deepEqual(Object.keys(x.body), ["events", "sentAt"]);
    }
  });

  test("events before the module is ready are timestamped at once and replayed in order; enabled: false loads and sends nothing", async () => {
    const fresh = await newPage(browser);
    await fresh.context.addInitScript(INIT);
    try {
      await fresh.page.goto(server.url + "/");
      const wasmBefore = server.count(".wasm");
      const off = await fresh.page.evaluate(async () => {
        const a = new window.glue.ChatKitAnalytics({ enabled: false, sink: () => { throw new Error("must not be called"); } });
        const h = a.handlers();
        h.onReady();
        h.onResponseStart();
        h.onResponseEnd();
        a.track("x");
        a.record({ kind: "tool", name: "t", callId: "c", phase: "end" });
        await a.flush();
        return a.metrics();
      });
      assert.equal(server.count(".wasm"), wasmBefore, "enabled: false never loads the module");
      assert.deepEqual(off, { responses: 0, errors: 0, abandoned: 0, responseMs: null, timeToReadyMs: null, threadLoadMs: null, toolCalls: 0, dropped: 0, sent: 0, queued: 0 });

      const r = await fresh.page.evaluate(async () => {
        const { analytics, events } = window.withSink({ batchSize: 100 });
        const h = analytics.handlers();
        const t0 = Date.now();
        h.onReady();
        h.onResponseStart();
        await new Promise((res) => setTimeout(res, 40)); // still loading? either way, timestamps are taken now
        h.onResponseEnd();
        analytics.track("early", { n: 1 });
        const queuedEarly = analytics.metrics().queued;
        await analytics.flush();
        return { t0, types: events().map((e) => e.type), at: events().map((e) => e.at), queuedEarly, m: analytics.metrics() };
      });
      // The module was not loaded when these handlers ran (the .wasm count above), so they
      // were held, then replayed in order with the timestamps taken when they happened.
      assert.deepEqual(r.types, ["ready", "response.start", "response.end", "early"]);
      assert.ok(r.at[0] - r.t0 < 20 && r.at[0] <= r.at[3], JSON.stringify(r.at));
      assert.ok(r.at[2] - r.at[1] >= 40, "the end's timestamp is when it happened");
      assert.equal(r.queuedEarly, 4);
      assert.equal(r.m.responses, 1);
      assert.ok(r.m.responseMs.max >= 40);
      assert.deepEqual(fresh.log.pageErrors, []);
    } finally {
      await fresh.context.close();
    }
  });

  test("page hide: keepalive fetch reaches the server as the page unloads; sendBeacon without keepalive; a refused beacon keeps the events queued", async () => {
    const hidden = await newPage(browser);
    await hidden.context.addInitScript(INIT);
    try {
      await hidden.page.goto(server.url + "/");
      await hidden.page.evaluate(async (url) => {
        window.a = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/hide", flushIntervalMs: 3_600_000 });
        await window.glue.ready();
        for (const t of ["one", "two", "three"]) window.a.track(t);
      }, server.url);
      assert.equal(server.received("hide").length, 0);
      await hidden.page.goto(server.url + "/blank"); // pagehide on the way out
      const [sent] = await server.waitFor("hide", 1);
      assert.equal(sent.contentType, "application/json");
      assert.deepEqual(sent.body.events.map((e) => e.type), ["one", "two", "three"]);

      await hidden.page.goto(server.url + "/");
      const r = await hidden.page.evaluate(async (url) => {
        delete Request.prototype.keepalive; // a browser without keepalive fetch
        const a = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/beacon", flushIntervalMs: 3_600_000 });
        await window.glue.ready();
        a.track("by-beacon");
        Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        const afterBeacon = a.metrics();
        // The page's keepalive budget is full: sendBeacon refuses, the events stay queued.
        const refuse = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/refused", flushIntervalMs: 3_600_000 });
        refuse.track("kept-1");
        refuse.track("kept-2");
        const real = navigator.sendBeacon;
        navigator.sendBeacon = () => false;
        dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true }));
        await new Promise((res) => setTimeout(res, 50));
        const afterRefusal = refuse.metrics();
        navigator.sendBeacon = real;
        dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true }));
        await window.until(() => refuse.metrics().sent === 2);
        return { afterBeacon, afterRefusal };
      }, server.url);
      const [beacon] = await server.waitFor("beacon", 1);
      assert.equal(beacon.contentType, "text/plain;charset=UTF-8");
      assert.deepEqual(beacon.body.events.map((e) => e.type), ["by-beacon"]);
      assert.equal(r.afterBeacon.sent, 1);
      assert.equal(r.afterRefusal.queued, 2);
      assert.equal(r.afterRefusal.dropped, 0);
      assert.equal(r.afterRefusal.sent, 0);
      const refused = await server.waitFor("refused", 1);
      assert.equal(refused.length, 1, "sent once, after the refusal");
      assert.deepEqual(refused[0].body.events.map((e) => e.type), ["kept-1", "kept-2"]);
    } finally {
      await hidden.context.close();
    }
  });

  test("retry/drop policy per status: 5xx, 408, 429 retried; other 4xx dropped and reported; three attempts at most", async () => {
    // 408 is retried too (see the core's queue tests), but Chromium itself resends a request
    // answered 408 on a reused connection, so a page never sees it.
    const retried = [500, 502, 503, 429];
    const dropped = [400, 401, 403, 404, 422];
    for (const s of [...retried, ...dropped]) server.plan(`status-${s}`, [s]);
    const r = await page.evaluate(
      async ({ url, statuses }) => {
        const out = {};
        for (const s of statuses) {
          const errors = [];
          const a = new window.glue.ChatKitAnalytics({
            endpoint: `${url}/collect/status-${s}`,
            flushIntervalMs: 3_600_000,
            onError: (e) => errors.push({ code: e.code, status: e.status, message: e.message }),
          });
          a.track("x");
          a.track("y");
          await a.flush(); // first attempt answered with the status
          const afterFirst = a.metrics();
          await a.flush(); // flush() ignores the backoff: the second attempt gets 204
          out[s] = { afterFirst: [afterFirst.sent, afterFirst.dropped, afterFirst.queued], end: [a.metrics().sent, a.metrics().dropped], errors };
          a.dispose();
        }
        return out;
      },
      { url: server.url, statuses: [...retried, ...dropped] },
    );
    for (const s of retried) {
      assert.deepEqual(r[s], { afterFirst: [0, 0, 2], end: [2, 0], errors: [] }, `status ${s}`);
      assert.equal(server.received(`status-${s}`).length, 2, `status ${s}`);
    }
    for (const s of dropped) {
      assert.deepEqual(r[s].afterFirst, [0, 2, 0], `status ${s}`);
      assert.deepEqual(r[s].end, [0, 2], `status ${s}`);
      assert.deepEqual(r[s].errors.map((e) => [e.code, e.status]), [["bad_request", s]], `status ${s}`);
      assert.equal(server.received(`status-${s}`).length, 1, `status ${s}: not retried`);
    }
  });

  test("retries back off on their own, then give up after three attempts and count the events as dropped", async () => {
    server.plan("backoff", [503, 204]);
    server.plan("exhaust", [500, 500, 500]);
    const r = await page.evaluate(async (url) => {
      const errors = [];
      const a = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/backoff", batchSize: 1 });
      a.track("once");
      await window.until(() => a.metrics().sent === 1); // the scheduler retried after ~0.5-1 s
      const b = new window.glue.ChatKitAnalytics({
        endpoint: url + "/collect/exhaust",
        flushIntervalMs: 3_600_000,
        onError: (e) => errors.push({ code: e.code, status: e.status, retryable: e.retryable }),
      });
      b.track("doomed-1");
      b.track("doomed-2");
      for (let k = 0; k < 3; k++) await b.flush();
      const m = b.metrics();
      await b.flush(); // nothing left to send
      a.dispose();
      b.dispose();
      return { sent: a.metrics().sent, m: [m.sent, m.dropped, m.queued], errors };
    }, server.url);
    assert.equal(r.sent, 1);
    assert.equal(server.received("backoff").length, 2);
    assert.deepEqual(r.m, [0, 2, 0]);
    assert.equal(server.received("exhaust").length, 3);
    assert.deepEqual(r.errors, [{ code: "server_error", status: 500, retryable: false }]);
  });

  test("network failures and a sink that throws, rejects or hangs are retried; nothing breaks, nothing is unhandled", async () => {
    const r = await page.evaluate(async () => {
      // A port nobody listens on.
      const errors = [];
      const net = new window.glue.ChatKitAnalytics({
        endpoint: "http://127.0.0.1:9/collect",
        flushIntervalMs: 3_600_000,
        onError: (e, c) => errors.push([c.source, e.code || e.name]),
      });
      net.track("lost");
      for (let k = 0; k < 3; k++) await net.flush();
      // A sink: throws, then rejects (not an Error), then hangs past sendTimeoutMs, then works.
      let calls = 0;
      const sinkErrors = [];
      const delivered = [];
      const s = new window.glue.ChatKitAnalytics({
        sendTimeoutMs: 50,
        flushIntervalMs: 3_600_000,
        sink: (batch) => {
          calls++;
          if (calls === 1) throw new Error("sink down");
          if (calls === 2) return Promise.reject("plain string rejection");
          if (calls === 3) return new Promise((_, reject) => setTimeout(() => reject(new Error("too late")), 200));
          delivered.push(...batch);
        },
        onError: (e, c) => sinkErrors.push({ source: c.source, message: e.message, code: e.code, isError: e instanceof Error }),
      });
      const h = s.handlers();
      h.onResponseStart();
      h.onResponseEnd();
      await s.flush(); // throws
      await s.flush(); // rejects
      const third = s.metrics();
      await s.flush(); // hangs: times out
      const fourth = s.metrics();
      await s.flush(); // nothing left: the three failed attempts used up both events
      await new Promise((res) => setTimeout(res, 300)); // the late rejection lands
      return { errors, net: net.metrics(), sinkErrors, third, fourth, delivered: delivered.map((e) => e.type), calls, m: s.metrics() };
    });
    assert.deepEqual(r.errors.at(-1), ["endpoint", "network"]);
    assert.equal(r.net.dropped, 1);
    assert.deepEqual(r.sinkErrors.slice(0, 3), [
      { source: "sink", message: "sink down", code: undefined, isError: true },
      { source: "sink", message: "plain string rejection", code: undefined, isError: true },
      { source: "sink", message: "withTimeout timed out after 50 ms", code: "timeout", isError: true },
    ]);
    // Three failed attempts: both events used them up, and the fourth call never came.
    assert.equal(r.third.queued, 2);
    assert.deepEqual([r.fourth.dropped, r.fourth.queued], [2, 0]);
    assert.equal(r.sinkErrors[3].source, "sink");
    assert.equal(r.sinkErrors[3].code, "network");
    assert.equal(r.calls, 3);
    assert.deepEqual(await page.evaluate(() => window.unhandled), []);
    assert.deepEqual(log.pageErrors, []);
  });

  test("a 413 halves the batch until it fits; a lone event answered 413 is dropped", async () => {
    server.plan("too-large", [413, 413]);
    server.plan("lone", [413]);
    const r = await page.evaluate(async (url) => {
      const a = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/too-large", batchSize: 8, flushIntervalMs: 3_600_000 });
      for (let k = 0; k < 8; k++) a.track("e" + k);
      await window.until(() => a.metrics().sent === 8);
      const errors = [];
      const b = new window.glue.ChatKitAnalytics({ endpoint: url + "/collect/lone", onError: (e) => errors.push([e.code, e.status]) });
      b.track("huge");
      await b.flush();
      return { a: a.metrics(), b: b.metrics(), errors };
    }, server.url);
    const sizes = server.received("too-large").map((x) => x.body.events.length);
    assert.deepEqual(sizes, [8, 4, 2, 4, 2]);
    const order = server.received("too-large").filter((x) => x.status === 204).flatMap((x) => x.body.events.map((e) => e.type));
    assert.deepEqual(order, ["e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
    assert.deepEqual([r.a.sent, r.a.dropped], [8, 0]);
    assert.deepEqual([r.b.sent, r.b.dropped], [0, 1]);
    assert.deepEqual(r.errors, [["bad_request", 413]]);
  });

  test("redaction at any depth, in strings, in beforeSend's edits and in error messages", async () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNlY3JldA";
    const secrets = [jwt, "sk-proj-AAAABBBBCCCCDDDD", "ek_68a1b2c3d4e5f6a7b8", "Zm9vYmFyYmF6cXV4", "hunter2hunter2", "pa55word-value", "cookie-value-123", "s3ss10n-value", "custom-pii-value"];
    const r = await page.evaluate(
      async ({ url, jwt }) => {
        const errors = [];
        const a = new window.glue.ChatKitAnalytics({
          endpoint: url + "/collect/redact",
          flushIntervalMs: 3_600_000,
          redactKeys: ["user-email"],
          beforeSend: (e) => {
            if (e.type === "drop-me") return null;
            if (e.type === "edit-me") return { ...e, data: { ...e.data, added: "Bearer Zm9vYmFyYmF6cXV4", API_KEY: "pa55word-value" } };
            if (e.type === "in-place") e.data.note = "edited";
          },
          onError: (e, c) => errors.push({ source: c.source, message: e.message }),
        });
        a.track("deep", {
          level1: { level2: [{ level3: { level4: { note: `token ${jwt} in text`, client_secret: "ek_68a1b2c3d4e5f6a7b8", "X-Api-Key": "anything" } } }] },
          headers: { Authorization: "Bearer Zm9vYmFyYmF6cXV4", Cookie: "cookie-value-123" },
          password: { nested: "hunter2hunter2" },
          sessionCookie: "s3ss10n-value",
          userEmail: "custom-pii-value",
          list: ["sk-proj-AAAABBBBCCCCDDDD", 1, true, null],
          kept: "plain text",
          when: new Date(0),
        });
        a.track("drop-me", { x: 1 });
        a.track("edit-me", { y: 2 });
        a.track("in-place", { z: 3 });
        a.handlers().onError({ error: new Error(`ChatKit: invalid client secret ek_68a1b2c3d4e5f6a7b8 (Bearer ${jwt})`) });
        a.handlers().onLog({ name: "request", data: { refresh_token: "hunter2hunter2" } });
        await a.flush();
        return { errors };
      },
      { url: server.url, jwt },
    );
    const [got] = await server.waitFor("redact", 1);
    for (const s of secrets) assert.ok(!got.raw.includes(s), `${s} leaked: ${got.raw}`);
    for (const e of r.errors) for (const s of secrets) assert.ok(!e.message.includes(s), `${s} in onError`);
    const byType = Object.fromEntries(got.body.events.map((e) => [e.type, e]));
    assert.deepEqual(Object.keys(byType), ["deep", "edit-me", "in-place", "error", "log"]);
    const deep = byType.deep.data;
    assert.deepEqual(deep.level1.level2[0].level3.level4, { note: "token [redacted] in text", client_secret: "[redacted]", "X-Api-Key": "[redacted]" });
    assert.deepEqual(deep.headers, { Authorization: "[redacted]", Cookie: "[redacted]" });
    assert.equal(deep.password, "[redacted]");
    assert.equal(deep.sessionCookie, "[redacted]");
    assert.equal(deep.userEmail, "[redacted]");
    assert.deepEqual(deep.list, ["[redacted]", 1, true, null]);
    assert.equal(deep.kept, "plain text");
    assert.equal(deep.when, "1970-01-01T00:00:00.000Z");
    assert.deepEqual(byType["edit-me"].data, { y: 2, added: "Bearer [redacted]", API_KEY: "[redacted]" });
    assert.deepEqual(byType["in-place"].data, { z: 3, note: "edited" });
    assert.equal(byType.error.data.message, "ChatKit: invalid client secret [redacted] (Bearer [redacted])");
    assert.deepEqual(byType.log.data, { name: "request", data: { refresh_token: "[redacted]" } });
    assert.deepEqual(r.errors, [{ source: "chatkit", message: "ChatKit: invalid client secret [redacted] (Bearer [redacted])" }]);
  });

  test("sampling is deterministic per session id", async () => {
    const r = await page.evaluate(async () => {
      const run = async (rate) => {
        const kept = [];
        for (let k = 0; k < 60; k++) {
          const batches = [];
          const a = new window.glue.ChatKitAnalytics({ sessionId: "session-" + k, sampleRate: rate, sink: (b) => void batches.push(b) });
          a.track("x");
          await a.flush();
          if (batches.length) kept.push(k);
          a.dispose();
        }
        return kept;
      };
      return { half: await run(0.5), again: await run(0.5), none: await run(0), all: await run(1), tenth: await run(0.1) };
    });
    assert.deepEqual(r.again, r.half, "the same sessions again");
    assert.ok(r.half.length > 15 && r.half.length < 45, `${r.half.length} of 60 kept at 0.5`);
    assert.ok(r.tenth.every((k) => r.half.includes(k)), "a session kept at 0.1 is kept at 0.5");
    assert.deepEqual(r.none, []);
    assert.equal(r.all.length, 60);
  });

  test("composeHandlers, record, track, captureLogData and onError's normalisation", async () => {
    const r = await page.evaluate(async () => {
      const { analytics, events, errors } = window.withSink({ captureLogData: false, batchSize: 100 });
      const calls = [];
      const composed = window.glue.composeHandlers(
        { onResponseStart: () => { throw new Error("app handler broke"); } },
        analytics.handlers(),
        null,
        { onResponseStart: () => calls.push("after"), onLog: async () => { throw new Error("async broke"); } },
      );
      composed.onResponseStart();
      composed.onResponseEnd();
      composed.onLog({ name: "widget.click", data: { secretless: "dropped anyway" } });
      analytics.record({ kind: "secret", op: "refresh", phase: "success", attempt: 1, durationMs: 120, status: 200 });
      analytics.record({ kind: "tool", name: "open_link", callId: "c1", phase: "end", durationMs: 8, outcome: "ok" });
      analytics.record({ kind: "fetch", phase: "token_refresh", origin: "https://api.example", status: 401 });
      analytics.record({ kind: "nonsense" });
      const h = analytics.handlers();
      h.onError({ error: "a string" });
      h.onError({ error: "a string" }); // a consecutive duplicate: reported once
      h.onError({ error: { message: "an object" } });
      let badTrack;
      try {
        analytics.track("");
      } catch (e) {
        badTrack = e.code;
      }
      await new Promise((res) => setTimeout(res, 0));
      await analytics.flush();
      return {
        keys: Object.keys(composed),
        calls,
        types: events().map((e) => e.type),
        log: events().find((e) => e.type === "log").data,
        tool: events().find((e) => e.type === "tool.call"),
        secret: events().find((e) => e.type === "secret.fetch"),
        errors: errors.map((e) => [e.source, e.message, e.isError]),
        badTrack,
        m: analytics.metrics(),
      };
    });
    assert.deepEqual(r.keys, ["onResponseStart", "onReady", "onError", "onEffect", "onDeeplink", "onResponseEnd", "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd", "onToolChange", "onLog"]);
    assert.deepEqual(r.calls, ["after"]);
    assert.deepEqual(r.types, ["response.start", "response.end", "log", "secret.fetch", "tool.call", "fetch.token_refresh", "error", "error", "error"]);
    assert.deepEqual(r.log, { name: "widget.click" });
    assert.equal(r.tool.durationMs, 8);
    assert.deepEqual(r.tool.data, { name: "open_link", callId: "c1", phase: "end", outcome: "ok" });
    assert.deepEqual(r.secret.data, { op: "refresh", phase: "success", attempt: 1, status: 200 });
    assert.deepEqual(r.errors, [
      ["handler:onResponseStart", "app handler broke", true],
      ["record", "ChatKitAnalytics: record takes the onEvent events of ClientSecretSource, ClientTools and createAuthFetch", true],
      ["chatkit", "a string", true],
      ["chatkit", "an object", true],
      ["handler:onLog", "async broke", true], // a rejection: reported when it settles
    ]);
    assert.equal(r.badTrack, "invalid_config");
    assert.deepEqual([r.m.responses, r.m.errors, r.m.toolCalls], [1, 3, 1]);
  });

  test("bad options are invalid_config; flush after dispose is aborted", async () => {
    const r = await page.evaluate(async () => {
      const codes = [];
      for (const o of [
        { batchSize: 0 },
        { sampleRate: 2 },
        { maxBatchBytes: 100_000 },
        { flushInterval: 5 },
        { sink: () => {}, endpoint: "/x" },
        { redactKeys: "token" },
        { onError: "log" },
        { batchSize: 50, maxQueue: 10 },
        "options",
      ]) {
        try {
          new window.glue.ChatKitAnalytics(o);
          codes.push("accepted");
        } catch (e) {
          codes.push(e.code);
        }
      }
      const a = new window.glue.ChatKitAnalytics({ sink: () => {} });
      a.dispose();
      a.dispose();
      a.handlers().onReady(); // ignored
      const flushed = await a.flush().then(() => "resolved", (e) => e.code);
      return { codes, flushed };
    });
    assert.deepEqual(r.codes, Array(9).fill("invalid_config"));
    assert.equal(r.flushed, "aborted");
  });
});
