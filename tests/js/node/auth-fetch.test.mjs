// createAuthFetch in Node (the packed package's `node` entry), against a local server:
// what Chromium cannot send over plain HTTP/1.1 (a ReadableStream request body), the
// Node rule for allowedOrigins, and the same contract as in browsers.
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { createAuthFetch, isGlueError } from "chatkit-glue";
import { authServer } from "../lib/auth-server.mjs";

let api, other;
before(async () => {
  api = await authServer();
  other = await authServer();
});
after(async () => {
  await api?.close();
  await other?.close();
});
beforeEach(() => {
  api.reset();
  other.reset();
  seen.length = 0;
});
afterEach(() => noToken());

/** Everything observable that must never contain a token. */
const seen = [];
function noToken() {
  const text = seen
    .map((x) => (x instanceof Error ? `${x.name} ${x.message} ${x.hint ?? ""} ${x.stack}` : JSON.stringify(x)))
    .join("\n");
  assert.doesNotMatch(text, /tok-\d|Bearer [A-Za-z0-9]/);
  seen.length = 0;
}

/** Runs `fn` with console.error captured; returns what was logged. */
async function quietly(fn) {
  const logged = [];
  const original = console.error;
  console.error = (...args) => logged.push(args);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return logged;
}

function make(extra = {}) {
  const calls = { token: 0, refresh: 0 };
  const f = createAuthFetch({
    token: () => {
      calls.token += 1;
      return "tok-1";
    },
    refreshToken: async () => {
      calls.refresh += 1;
      const r = await fetch(`${api.url}/api/refresh`, { method: "POST" });
      return (await r.json()).token;
    },
    allowedOrigins: [api.url],
    onEvent: (e) => seen.push(e),
    ...extra,
  });
  return { f, calls };
}

describe("createAuthFetch in Node", () => {
  test("a ReadableStream body is not replayed after a 401: the 401 comes back, after one refresh", async () => {
    api.reset("tok-2");
    const { f, calls } = make();
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("streamed"));
        c.close();
      },
    });
    const r = await f(`${api.url}/api/protected`, { method: "POST", body, duplex: "half" });
    assert.equal(r.status, 401);
    assert.equal(calls.refresh, 1, "the token is refreshed for the next request");
    const posts = api.requests("/api/protected");
    assert.equal(posts.length, 1, "sent once, never replayed");
    assert.equal(posts[0].body, "streamed");
    assert.deepEqual(seen, [{ kind: "fetch", phase: "token_refresh", origin: api.url, status: 401 }]);
    noToken();
    // The next request goes out with the refreshed token at once.
    const next = await f(`${api.url}/api/protected`, { method: "POST", body: "again" });
    assert.equal(next.status, 200);
    assert.equal(api.requests("/api/protected").at(-1).auth, "Bearer tok-2");
  });

  test("a string body is replayed once with the refreshed token", async () => {
    api.reset("tok-2");
    const { f, calls } = make();
    const r = await f(`${api.url}/api/protected`, { method: "POST", body: "hello", headers: { "x-test": "1" } });
    assert.equal(r.status, 200);
    const echo = await r.json();
    assert.deepEqual([echo.auth, echo.body, echo.xTest], ["Bearer tok-2", "hello", "1"]);
    assert.equal(calls.refresh, 1);
    assert.deepEqual(
      seen.map((e) => e.phase),
      ["token_refresh", "replay"],
    );
    noToken();
  });

  test("without refreshToken, token() is asked again: a new token is replayed, the same one returns the 401", async () => {
    api.reset("tok-2");
    let n = 0;
    const rotating = createAuthFetch({
      token: () => (n++ === 0 ? "tok-1" : "tok-2"),
      allowedOrigins: [api.url],
      onEvent: (e) => seen.push(e),
    });
    const ok = await rotating(`${api.url}/api/protected`, { method: "POST", body: "x" });
    assert.equal(ok.status, 200);
    assert.equal(n, 2);
    assert.deepEqual(
      api.requests("/api/protected").map((e) => e.auth),
      ["Bearer tok-1", "Bearer tok-2"],
    );
    api.reset("tok-9");
    const stuck = createAuthFetch({ token: () => "tok-1", allowedOrigins: [api.url] });
    const r = await stuck(`${api.url}/api/protected`, { method: "POST", body: "x" });
    assert.equal(r.status, 401);
    assert.equal(api.requests("/api/protected").length, 1, "no replay with the same token");
    assert.equal(api.state.refreshes, 0);
  });

  test("a refreshToken that gives no token returns the 401 without a replay", async () => {
    api.reset("tok-2");
    const { f } = make({ refreshToken: async () => null });
    const r = await f(`${api.url}/api/protected`, { method: "POST", body: "x" });
    assert.equal(r.status, 401);
    assert.equal(api.requests("/api/protected").length, 1);
    assert.deepEqual(seen.map((e) => e.phase), ["token_refresh"]);
  });

  test("without allowedOrigins every call rejects with invalid_config and nothing is sent", async () => {
    let fetched = 0;
    const f = createAuthFetch({ token: () => "tok-1", fetch: () => (fetched += 1) });
    const logged = await quietly(async () => {
      for (let i = 0; i < 2; i++) {
        const e = await f(`${api.url}/api/echo`).catch((e) => e);
        assert.ok(isGlueError(e));
        assert.equal(e.code, "invalid_config");
        assert.match(e.message, /allowedOrigins is required/);
        seen.push(e);
      }
    });
    assert.equal(fetched, 0);
    assert.equal(logged.length, 1, "logged once in development, not per call");
    noToken();
  });

  test("creating it does nothing: no module work, no token call, no request", () => {
    let called = 0;
    const f = createAuthFetch({ token: () => (called += 1), allowedOrigins: "not even an array" });
    assert.equal(typeof f, "function");
    assert.equal(called, 0);
  });

  test("bad options reject every call with invalid_config", async () => {
    const bad = [
      {},
      { token: "tok-1", allowedOrigins: [api.url] },
      { token: () => null, allowedOrigins: [`${api.url}/api`] },
      { token: () => null, allowedOrigins: ["*"] },
      { token: () => null, allowedOrigins: [] },
      { token: () => null, allowedOrigins: [api.url], headersTimeoutMs: 0 },
      { token: () => null, allowedOrigins: [api.url], idleTimeoutMs: "5" },
      { token: () => null, allowedOrigins: [api.url], allowedOrigin: [api.url] },
      null,
      // Values that are not plain data: each is refused by name, never read as something else.
      { token: () => null, allowedOrigins: [api.url], headersTimeoutMs: 5000n },
      { token: () => null, allowedOrigins: [api.url], idleTimeoutMs: Number.NaN },
      { token: Symbol("token"), allowedOrigins: [api.url] },
      { token: () => null, allowedOrigins: [new URL(api.url)] },
      new (class Options {
        token() {
          return null;
        }
      })(),
      Object.defineProperty({ allowedOrigins: [api.url] }, "token", { enumerable: true, get: () => { throw new Error("getter"); } }),
      (() => {
        const cycle = { token: () => null, allowedOrigins: [api.url] };
        cycle.onEvent = cycle;
        return cycle;
      })(),
    ];
    const logged = await quietly(async () => {
      for (const options of bad) {
        const e = await createAuthFetch(options)(`${api.url}/api/echo`).catch((e) => e);
        assert.equal(e.code, "invalid_config", String(options && Object.keys(options)));
        assert.match(e.message, /^createAuthFetch: /);
      }
    });
    assert.equal(logged.length, bad.length);
    assert.equal(api.state.log.length, 0);
  });

  test("other origins never get the token; the caller's own Authorization is kept", async () => {
    const { f, calls } = make();
    await f(`${other.url}/api/echo`);
    assert.equal(other.requests("/api/echo")[0].auth, null);
    const own = await (await f(`${api.url}/api/echo`, { headers: { authorization: "Basic abc" } })).json();
    assert.equal(own.auth, "Basic abc");
    assert.equal(calls.token, 0, "token() is not called when no token is sent");
    noToken();
  });

  test("a redirect to another origin carries no Authorization (undici strips it)", async () => {
    const { f } = make();
    const r = await f(`${api.url}/api/redirect?to=${encodeURIComponent(`${other.url}/api/echo`)}`);
    assert.equal(r.status, 200);
    assert.equal(r.redirected, true);
    assert.equal(r.url, `${other.url}/api/echo`);
    assert.equal(other.requests("/api/echo")[0].auth, null);
    assert.equal(api.requests("/api/redirect")[0].auth, "Bearer tok-1");
    const same = await (await f(`${api.url}/api/redirect?to=/api/echo`)).json();
    assert.equal(same.auth, "Bearer tok-1", "a same-origin redirect keeps it");
  });

  test("the body streams through: the first SSE chunk is read before the server finishes", async () => {
    const { f } = make();
    const r = await f(`${api.url}/api/sse`);
    assert.equal(r.headers.get("content-type"), "text/event-stream");
    const reader = r.body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.equal(first, "data: one\n\n");
    assert.equal(api.state.sse.finished, false);
    api.state.sse.finish();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    assert.equal(rest, "data: two\n\n");
  });

  test("set-cookie and the other response headers survive the pass-through", async () => {
    const { f } = make();
    const r = await f(`${api.url}/api/cookie`);
    assert.equal(r.headers.get("set-cookie"), "a=1; Path=/");
    assert.equal(await r.text(), "ok");
  });

  test("deadlines: slow headers and a stalled body reject with timeout; a caller abort is fetch's AbortError", async () => {
    const { f } = make({ headersTimeoutMs: 50, idleTimeoutMs: 50 });
    const slow = await f(`${api.url}/api/slow-headers`).catch((e) => e);
    assert.equal(slow.code, "timeout");
    assert.equal(slow.message, "authFetch: no response headers within 50 ms");
    const stall = await f(`${api.url}/api/stall`);
    const reader = stall.body.getReader();
    assert.equal(new TextDecoder().decode((await reader.read()).value), "data: first\n\n");
    const idle = await reader.read().catch((e) => e);
    assert.equal(idle.code, "timeout");
    assert.equal(idle.status, 200);
    const c = new AbortController();
    const p = f(`${api.url}/api/hang`, { signal: c.signal });
    c.abort();
    const aborted = await p.catch((e) => e);
    assert.equal(aborted.name, "AbortError");
    assert.equal(isGlueError(aborted), false);
    assert.deepEqual(
      seen.map((e) => [e.phase, e.status]),
      [
        ["timeout", undefined],
        ["timeout", 200],
      ],
    );
    seen.push(slow, idle);
    noToken();
  });
});
