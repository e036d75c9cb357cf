// createAuthFetch through the packed package in headless Chromium. The page and the
// API share one origin (the default allowlist); a second server on another 127.0.0.1
// port, with CORS, is the "other origin".
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { authServer } from "../lib/auth-server.mjs";

let browser, api, other, page, context;
before(async () => {
  api = await authServer({ dir: await bundlePage("glue") });
  other = await authServer();
  browser = await launch();
  ({ page, context } = await newPage(browser));
  await page.goto(api.url + "/");
  await page.evaluate(() => window.glue.ready());
  // Test helpers in the page: a token store, a refresh that asks the server for a new
  // token, and a record of every event and error the app could see.
  await page.evaluate(() => {
    window.t = {
      token: "tok-1",
      calls: { token: 0, refresh: 0 },
      seen: [],
      make(extra = {}) {
        return window.glue.createAuthFetch({
          token: () => {
            window.t.calls.token += 1;
            return window.t.token;
          },
          refreshToken: async () => {
            window.t.calls.refresh += 1;
            const r = await fetch("/api/refresh", { method: "POST" });
            return (await r.json()).token;
          },
          onEvent: (e) => window.t.seen.push(e),
          ...extra,
        });
      },
      err(e) {
        window.t.seen.push({ name: e.name, message: e.message, hint: e.hint, stack: e.stack, code: e.code });
        return { name: e.name, code: e.code, message: e.message, status: e.status, isGlue: window.glue.isGlueError(e), isDom: e instanceof DOMException };
      },
      reset() {
        window.t.token = "tok-1";
        window.t.calls = { token: 0, refresh: 0 };
        window.t.seen = [];
      },
    };
  });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await api?.close();
  await other?.close();
});
beforeEach(async () => {
  api.reset();
  other.reset();
  await page.evaluate(() => window.t.reset());
});
// Every test: no token value in any event or error the page saw.
afterEach(() => assertNoToken());

/** No token value in anything the app saw (events and errors). */
async function assertNoToken() {
  const seen = await page.evaluate(() => JSON.stringify(window.t.seen));
  assert.doesNotMatch(seen, /tok-\d|Bearer [A-Za-z0-9]/);
}

describe("createAuthFetch in a browser", () => {
  test("keeps every header form and a Request input, and adds the token for the page's origin", async () => {
    const r = await page.evaluate(async () => {
      const f = window.t.make();
      const read = async (p) => {
        const e = await (await p).json();
        return [e.method, e.auth, e.xTest, e.body];
      };
      const h = new Headers({ "x-test": "headers" });
      return {
        record: await read(f("/api/echo", { headers: { "x-test": "record" } })),
        headers: await read(f("/api/echo", { headers: h })),
        pairs: await read(f("/api/echo", { headers: [["x-test", "pairs"]] })),
        request: await read(f(new Request("/api/echo", { method: "PUT", body: "req-body", headers: { "x-test": "request" } }))),
        url: await read(f(new URL("/api/echo", location.href), { method: "POST", body: "u" })),
        own: await read(f("/api/echo", { headers: { Authorization: "Basic mine" } })),
        tokenCalls: window.t.calls.token,
        headersUntouched: [...h].length,
      };
    });
    assert.deepEqual(r.record, ["GET", "Bearer tok-1", "record", ""]);
    assert.deepEqual(r.headers, ["GET", "Bearer tok-1", "headers", ""]);
    assert.deepEqual(r.pairs, ["GET", "Bearer tok-1", "pairs", ""]);
    assert.deepEqual(r.request, ["PUT", "Bearer tok-1", "request", "req-body"]);
    assert.deepEqual(r.url, ["POST", "Bearer tok-1", null, "u"]);
    assert.deepEqual(r.own, ["GET", "Basic mine", null, ""], "a caller's Authorization passes through");
    assert.equal(r.tokenCalls, 5, "token() is not asked when the caller set Authorization");
    assert.equal(r.headersUntouched, 1, "the caller's Headers object is not modified");
    await assertNoToken();
  });

  test("a Request input's signal is kept", async () => {
    const r = await page.evaluate(async () => {
      const c = new AbortController();
      const p = window.t.make()(new Request("/api/hang", { signal: c.signal }));
      c.abort();
      return window.t.err(await p.catch((e) => e));
    });
    assert.equal(r.name, "AbortError");
    assert.equal(r.isGlue, false);
  });

  test("cross-origin URLs get no Authorization: absolute, protocol-relative, or after a redirect", async () => {
    const r = await page.evaluate(async (otherUrl) => {
      const f = window.t.make();
      const statuses = [];
      statuses.push((await f(`${otherUrl}/api/echo?abs`)).status);
      statuses.push((await f(`//${new URL(otherUrl).host}/api/echo?protocol-relative`)).status);
      const redirected = await f(`/api/redirect?to=${encodeURIComponent(`${otherUrl}/api/echo?redirected`)}`);
      statuses.push(redirected.status);
      const same = await (await f(`/api/redirect?to=/api/echo`)).json();
      // The positive control: an allowed other origin does get it.
      const allowed = await (await window.t.make({ allowedOrigins: [otherUrl] })(`${otherUrl}/api/echo?allowed`)).json();
      return { statuses, redirected: [redirected.redirected, redirected.url], same: same.auth, allowed: allowed.auth };
    }, other.url);
    assert.deepEqual(r.statuses, [200, 200, 200]);
    assert.deepEqual(r.redirected, [true, `${other.url}/api/echo?redirected`]);
    assert.equal(r.same, "Bearer tok-1", "a same-origin redirect keeps it");
    assert.equal(r.allowed, "Bearer tok-1");
    const otherAuth = other.requests("/api/echo").map((e) => e.auth);
    assert.deepEqual(otherAuth, [null, null, null, "Bearer tok-1"]);
    assert.equal(api.requests("/api/redirect")[0].auth, "Bearer tok-1");
    await assertNoToken();
  });

  test("20 concurrent 401s share one refresh, then each request is replayed once", async () => {
    api.reset("tok-2");
    const r = await page.evaluate(async () => {
      const f = window.t.make();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => f("/api/protected", { method: "POST", body: `n${i}` })),
      );
      const bodies = await Promise.all(responses.map((x) => x.json()));
      return {
        statuses: responses.map((x) => x.status),
        bodies: bodies.map((b) => b.body),
        refreshCalls: window.t.calls.refresh,
        phases: window.t.seen.map((e) => e.phase),
        refresh: window.t.seen.find((e) => e.phase === "token_refresh"),
      };
    });
    assert.deepEqual(r.statuses, Array(20).fill(200));
    assert.deepEqual(r.bodies, Array.from({ length: 20 }, (_, i) => `n${i}`));
    assert.equal(api.state.refreshes, 1, "the server minted one token");
    assert.equal(r.refreshCalls, 1);
    const sent = api.requests("/api/protected");
    assert.equal(sent.filter((e) => e.auth === "Bearer tok-1").length, 20);
    assert.equal(sent.filter((e) => e.auth === "Bearer tok-2").length, 20, "20 replays");
    assert.equal(r.phases.filter((p) => p === "token_refresh").length, 1);
    assert.equal(r.phases.filter((p) => p === "replay").length, 20);
    assert.deepEqual(r.refresh, { kind: "fetch", phase: "token_refresh", origin: api.url, status: 401 });
    await assertNoToken();
  });

  test("each replayable body kind is replayed with the same body", async () => {
    const kinds = ["string", "URLSearchParams", "Blob", "ArrayBuffer", "Uint8Array", "FormData"];
    for (const kind of kinds) {
      api.reset(`tok-${kinds.indexOf(kind) + 2}`);
      api.state.refreshes = kinds.indexOf(kind);
      const r = await page.evaluate(async (kind) => {
        window.t.token = "tok-1";
        const f = window.t.make();
        const body = {
          string: () => "plain text",
          URLSearchParams: () => new URLSearchParams({ a: "1", b: "two" }),
          Blob: () => new Blob(["blob body"], { type: "text/x-blob" }),
          ArrayBuffer: () => new TextEncoder().encode("buffer body").buffer,
          Uint8Array: () => new TextEncoder().encode("view body"),
          FormData: () => {
            const d = new FormData();
            d.set("field", "form value");
            return d;
          },
        }[kind]();
        const res = await f("/api/protected", { method: "POST", body });
        const echo = await res.json();
        return { status: res.status, body: echo.body, contentType: echo.contentType, auth: echo.auth };
      }, kind);
      assert.equal(r.status, 200, kind);
      const [first, replay] = api.requests("/api/protected");
      assert.equal(first.auth, "Bearer tok-1", kind);
      assert.equal(replay.auth, `Bearer tok-${kinds.indexOf(kind) + 2}`, kind);
      // A multipart body gets a fresh boundary each time it is sent; the rest is equal.
      const boundary = (e) => /boundary=(.+)$/.exec(e.contentType ?? "")?.[1];
      const same = (e) => (boundary(e) ? e.body.replaceAll(boundary(e), "B") : e.body);
      assert.equal(same(replay), same(first), `${kind}: the replay sends the same body`);
      assert.equal(replay.contentType?.replace(/boundary=.+$/, ""), first.contentType?.replace(/boundary=.+$/, ""), kind);
      assert.ok(replay.body.length > 0, kind);
      if (kind === "FormData") assert.match(replay.body, /form value/);
      if (kind === "URLSearchParams") assert.equal(replay.body, "a=1&b=two");
    }
    await assertNoToken();
  });

  test("an SSE response streams: the first chunk is read before the server finishes", async () => {
    await page.evaluate(async () => {
      const r = await window.t.make()("/api/sse");
      window.t.reader = r.body.getReader();
      window.t.first = new TextDecoder().decode((await window.t.reader.read()).value);
    });
    assert.equal(await page.evaluate(() => window.t.first), "data: one\n\n");
    assert.equal(api.state.sse.finished, false, "read while the server still holds the response open");
    api.state.sse.finish();
    const rest = await page.evaluate(async () => {
      let out = "";
      for (;;) {
        const { done, value } = await window.t.reader.read();
        if (done) return out;
        out += new TextDecoder().decode(value);
      }
    });
    assert.equal(rest, "data: two\n\n");
  });

  test("a stalled body hits the idle deadline: the read rejects with timeout", async () => {
    const r = await page.evaluate(async () => {
      const res = await window.t.make({ idleTimeoutMs: 100 })("/api/stall");
      const reader = res.body.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      const e = await reader.read().catch((e) => e);
      return { first, e: window.t.err(e), events: window.t.seen.filter((x) => x.kind) };
    });
    assert.equal(r.first, "data: first\n\n");
    assert.deepEqual(r.e, {
      name: "ChatKitGlueError",
      code: "timeout",
      message: "authFetch: the response body received nothing for 100 ms",
      status: 200,
      isGlue: true,
      isDom: false,
    });
    assert.deepEqual(r.events, [{ kind: "fetch", phase: "timeout", origin: api.url, status: 200 }]);
    await assertNoToken();
  });

  test("slow headers hit the header deadline", async () => {
    const r = await page.evaluate(async () => {
      const e = await window.t.make({ headersTimeoutMs: 100 })("/api/slow-headers").catch((e) => e);
      return { e: window.t.err(e), events: window.t.seen.filter((x) => x.kind) };
    });
    assert.equal(r.e.code, "timeout");
    assert.equal(r.e.message, "authFetch: no response headers within 100 ms");
    assert.deepEqual(r.events, [{ kind: "fetch", phase: "timeout", origin: api.url }]);
    await assertNoToken();
  });

  test("a caller's abort rejects exactly as native fetch does", async () => {
    const r = await page.evaluate(async () => {
      const f = window.t.make();
      const run = async (fetcher, reason) => {
        const c = new AbortController();
        const p = fetcher("/api/hang", { signal: c.signal });
        setTimeout(() => (reason === undefined ? c.abort() : c.abort(reason)), 20);
        const e = await p.catch((e) => e);
        return { name: e.name, isDom: e instanceof DOMException, same: e === c.signal.reason };
      };
      const mine = new Error("navigated away");
      const pre = new AbortController();
      pre.abort();
      const early = await f("/api/echo", { signal: pre.signal }).catch((e) => e);
      // Abort while the body streams.
      const c = new AbortController();
      const res = await f("/api/stall", { signal: c.signal });
      const reader = res.body.getReader();
      await reader.read();
      c.abort();
      const during = await reader.read().catch((e) => e);
      return {
        ours: await run(f),
        native: await run(fetch.bind(window)),
        oursReason: await run(f, mine),
        nativeReason: await run(fetch.bind(window), mine),
        early: [early.name, early === pre.signal.reason],
        during: [during.name, during === c.signal.reason],
        events: window.t.seen.length,
      };
    });
    assert.deepEqual(r.ours, r.native);
    assert.deepEqual(r.ours, { name: "AbortError", isDom: true, same: true });
    assert.deepEqual(r.oursReason, r.nativeReason);
    assert.deepEqual(r.oursReason, { name: "Error", isDom: false, same: true });
    assert.deepEqual(r.early, ["AbortError", true]);
    assert.deepEqual(r.during, ["AbortError", true]);
    assert.equal(r.events, 0, "a caller's abort is not a library event");
  });

  test("a throwing token callback is unauthorized; a failing fetch is network; nothing leaks", async () => {
    const r = await page.evaluate(async () => {
      const cause = new Error("session store offline");
      const threw = await window.t.make({ token: () => { throw cause; } })("/api/echo").catch((e) => e);
      const rejected = await window.t.make({ refreshToken: () => Promise.reject(cause) });
      window.t.token = "tok-1";
      const net = await window.t.make({ allowedOrigins: ["http://127.0.0.1:9"] })("http://127.0.0.1:9/x").catch((e) => e);
      const badToken = await window.t.make({ token: () => "Bearer tok-1" })("/api/echo").catch((e) => e);
      const newline = await window.t.make({ token: () => "tok-1\nX: y" })("/api/echo").catch((e) => e);
      return {
        threw: [window.t.err(threw).code, threw.cause === cause, threw.retryable],
        net: [window.t.err(net).code, net.retryable, net.cause instanceof TypeError],
        badToken: window.t.err(badToken).code,
        newline: window.t.err(newline).code,
        typeofRejected: typeof rejected,
      };
    });
    assert.deepEqual(r.threw, ["unauthorized", true, false]);
    assert.deepEqual(r.net, ["network", true, true]);
    assert.equal(r.badToken, "unauthorized");
    assert.equal(r.newline, "unauthorized");
    assert.equal(api.requests("/api/echo").length, 0, "nothing sent without a usable token");
    await assertNoToken();
  });

  test("a refreshToken that throws makes the 401'd request unauthorized", async () => {
    api.reset("tok-2");
    const r = await page.evaluate(async () => {
      const cause = new Error("refresh endpoint down");
      const f = window.t.make({ refreshToken: () => { throw cause; } });
      const e = await f("/api/protected", { method: "POST", body: "x" }).catch((e) => e);
      return [window.t.err(e).code, e.cause === cause];
    });
    assert.deepEqual(r, ["unauthorized", true]);
    await assertNoToken();
  });

  test("the returned function is plain, and bad options reject calls with invalid_config", async () => {
    const r = await page.evaluate(async () => {
      const f = window.t.make();
      const bad = await window.glue.createAuthFetch({ token: () => null, allowedOrigins: ["https://x.example/path"] })("/api/echo").catch((e) => e);
      return { proto: Object.getPrototypeOf(f) === Function.prototype, keys: Object.keys(f), code: bad.code };
    });
    assert.deepEqual(r, { proto: true, keys: [], code: "invalid_config" });
  });
});
