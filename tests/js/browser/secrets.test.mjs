// ClientSecretSource through the packed package in headless Chromium, against a local
// fault-injecting secret server on the page's origin. Every test checks the outcome,
// the number of requests, and that no secret or token appears in any error message,
// hint or event.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { launch, newPage } from "../lib/browser.mjs";
import { bundlePage } from "../lib/bundle.mjs";
import { startSecretServer } from "../lib/secrets-server.mjs";

let browser, server, page, context, log;
before(async () => {
  server = await startSecretServer({ dir: await bundlePage("glue") });
  browser = await launch();
  ({ page, context, log } = await newPage(browser));
  await page.goto(server.url + "/");
  await page.evaluate(() => window.glue.ready());
});
beforeEach(() => server.reset());
after(async () => {
  assert.deepEqual(log?.pageErrors ?? [], []);
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Small budgets keep the suite fast; tests that need others pass them. */
const FAST = { retries: 1, timeoutMs: 400, totalTimeoutMs: 4_000, minRefreshIntervalMs: 50 };
/** authToken is asked once per fetch and again after a 401: the first two fetches get token 1, the re-ask token 2. */
const TOKENS = ["app-token-1", "app-token-1", "app-token-2"];
/** ChatKit may pass a secret back at once: no refresh interval. */
const NO_INTERVAL = { minRefreshIntervalMs: 0 };
/** An answer that echoes the secret being replaced. */
const same = (body) => ({ json: { client_secret: body.currentClientSecret, expires_after: 600 } });

/**
 * Runs `calls` (each a currentClientSecret: null, a string, or "$last" for the last
 * secret returned) on a new ClientSecretSource in the page. `tokens`: authToken answers
 * them in turn (then the last); `tokenThrows`: authToken throws.
 */
async function run({ options = {}, calls = [null], tokens, tokenThrows } = {}) {
  const out = await page.evaluate(
    async ({ options, calls, tokens, tokenThrows }) => {
      const events = [];
      const o = { ...options, onEvent: (e) => events.push(e) };
      let i = 0;
      if (tokens) o.authToken = async () => tokens[Math.min(i++, tokens.length - 1)];
      if (tokenThrows) o.authToken = () => { throw new Error("token store unavailable"); };
      const s = new window.glue.ClientSecretSource(o);
      const results = [];
      let last = null;
      const t0 = performance.now();
      for (const c of calls) {
        try {
          last = await s.getClientSecret(c === "$last" ? last : c);
          results.push({ ok: last });
        } catch (e) {
          const { name, code, message, hint, status, retryable } = e;
          results.push({ error: { name, code, message, hint, status, retryable, isGlue: window.glue.isGlueError(e), cause: e.cause && String(e.cause.message ?? e.cause) } });
        }
      }
      const out = { results, events, elapsed: performance.now() - t0, expiresAt: s.expiresAt(), now: Date.now() };
      s.dispose();
      return out;
    },
    { options: { ...FAST, ...options }, calls, tokens, tokenThrows },
  );
  noSecretLeaks(out, tokens);
  return out;
}

/** No issued secret or app token in any error message, hint or event. */
function noSecretLeaks(out, tokens = []) {
  const secrets = [...server.issued, ...tokens, "ek_"];
  const texts = [
    ...out.results.flatMap((r) => (r.error ? [r.error.message, r.error.hint ?? "", r.error.cause ?? ""] : [])),
    ...out.events.map((e) => JSON.stringify(e)),
  ];
  for (const text of texts) for (const s of secrets) assert.ok(!text.includes(s), `"${s}" leaked into: ${text}`);
  for (const e of out.events) {
    assert.equal(e.kind, "secret");
    assert.deepEqual(
      Object.keys(e).filter((k) => !["kind", "op", "phase", "attempt", "durationMs", "status", "code"].includes(k)),
      [],
    );
  }
}

const error = (out, i = 0) => out.results[i].error;
const phases = (out) => out.events.map((e) => `${e.op}:${e.phase}${e.status ? ":" + e.status : ""}`);
const paths = () => server.requests.map((r) => r.path.replace("/api/chatkit/", ""));

describe("ClientSecretSource in a browser", () => {
  test("a first secret: one POST {} to /start, cached afterwards, expiry from expires_after", async () => {
    const out = await run({ calls: [null, null, "ek_someone_elses"] });
    const secret = server.issued.at(-1);
    assert.deepEqual(out.results, [{ ok: secret }, { ok: secret }, { ok: secret }]);
    assert.deepEqual(paths(), ["start"]);
    assert.deepEqual(server.requests[0].body, {});
    assert.equal(server.requests[0].headers["content-type"], "application/json");
    assert.ok(Math.abs(out.expiresAt - (out.now + 600_000)) < 5_000);
    assert.deepEqual(phases(out), ["start:request", "start:success:200"]);
    assert.equal(typeof out.events[1].durationMs, "number");
  });

  test("the secret ChatKit passes back is served from the cache inside the interval, refreshed after it", async () => {
    let out = await run({ calls: [null, "$last"], options: { minRefreshIntervalMs: 60_000 } });
    assert.deepEqual(out.results, [{ ok: server.issued.at(-1) }, { ok: server.issued.at(-1) }]);
    assert.equal(server.requests.length, 1);

    server.reset();
    out = await run({ calls: [null, "$last"], options: NO_INTERVAL });
    const [a, b] = server.issued.slice(-2);
    assert.deepEqual(out.results, [{ ok: a }, { ok: b }]);
    assert.deepEqual(paths(), ["start", "refresh"]);
    assert.deepEqual(server.requests[1].body, { currentClientSecret: a });
  });

  for (const status of [500, 502, 503]) {
    test(`${status} is retried; after the retries it is server_error`, async () => {
      server.script({ status }, server.secret());
      let out = await run();
      assert.deepEqual(out.results, [{ ok: server.issued.at(-1) }]);
      assert.deepEqual(phases(out), ["start:request", `start:retry:${status}`, "start:success:200"]);
      assert.equal(out.events[1].code, "server_error");
      assert.equal(server.requests.length, 2);

      server.reset();
      server.script({ status }, { status });
      out = await run();
      assert.deepEqual(
        [error(out).name, error(out).code, error(out).status, error(out).retryable, error(out).isGlue],
        ["ChatKitGlueError", "server_error", status, true, true],
      );
      assert.match(error(out).message, /gave up after 2 attempts/);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(phases(out).at(-1), `start:failure:${status}`);
    });
  }

  test("the default 3 retries: four requests", async () => {
    server.script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const out = await run({ options: { retries: 3 } });
    assert.equal(error(out).code, "server_error");
    assert.equal(server.requests.length, 4);
  });

  test("429 with Retry-After in seconds is honoured", async () => {
    server.script({ status: 429, headers: { "retry-after": "1" } }, server.secret());
    const out = await run();
    assert.deepEqual(out.results, [{ ok: server.issued.at(-1) }]);
    assert.equal(server.requests.length, 2);
    assert.ok(out.elapsed >= 950, `waited ${out.elapsed} ms`);
    assert.deepEqual(phases(out)[1], "start:retry:429");
  });

  test("429 with Retry-After as an HTTP date is honoured, against the server's Date", async () => {
    // The server's clock is an hour ahead; the date is one second after its Date header.
    const offset = 3_600_000;
    const now = Date.now() + offset;
    const at = new Date(Math.floor(now / 1000) * 1000 + 1000).toUTCString();
    server.script({ status: 429, clockOffsetMs: offset, headers: { "retry-after": at, date: new Date(now).toUTCString() } }, server.secret());
    const out = await run();
    assert.deepEqual(out.results, [{ ok: server.issued.at(-1) }]);
    assert.equal(server.requests.length, 2);
    assert.ok(out.elapsed >= 900 && out.elapsed < 3_000, `waited ${out.elapsed} ms`);
  });

  test("a Retry-After past the total budget fails at once as rate_limited; 429s past the retries too", async () => {
    server.script({ status: 429, headers: { "retry-after": "3600" } });
    let out = await run({ options: { retries: 3 } });
    assert.deepEqual([error(out).code, error(out).status, error(out).retryable], ["rate_limited", 429, true]);
    assert.equal(server.requests.length, 1);

    server.reset();
    server.script({ status: 429 }, { status: 429 });
    out = await run();
    assert.deepEqual([error(out).code, error(out).status], ["rate_limited", 429]);
    assert.equal(server.requests.length, 2);
  });

  test("a hang past timeoutMs is retried, then timeout", async () => {
    server.script({ hang: true }, { hang: true });
    const out = await run({ options: { timeoutMs: 200 } });
    assert.deepEqual([error(out).code, error(out).retryable], ["timeout", true]);
    assert.match(error(out).message, /timeoutMs \(200 ms\)/);
    assert.equal(server.requests.length, 2);
  });

  test("a hang past totalTimeoutMs is timeout naming the total", async () => {
    server.script({ hang: true });
    const out = await run({ options: { timeoutMs: 5_000, totalTimeoutMs: 250 } });
    assert.equal(error(out).code, "timeout");
    assert.match(error(out).message, /totalTimeoutMs/);
    assert.equal(server.requests.length, 1);
  });

  test("a body that is not JSON is bad_response, not retried", async () => {
    server.script({ status: 200, text: "ok" });
    const out = await run();
    assert.deepEqual([error(out).code, error(out).status, error(out).retryable], ["bad_response", 200, false]);
    assert.match(error(out).hint, /client_secret/);
    assert.equal(server.requests.length, 1);
  });

  test("an HTML page: bad_response with its hint on 200; retried on 502", async () => {
    const html = "<!doctype html><html><body><h1>Sign in</h1></body></html>";
    server.script({ status: 200, text: html });
    let out = await run();
    assert.equal(error(out).code, "bad_response");
    assert.match(error(out).hint, /HTML page/);
    assert.equal(server.requests.length, 1);

    server.reset();
    server.script({ status: 502, text: "<html><body>Bad Gateway</body></html>" }, { status: 502, text: "<html>Bad Gateway</html>" });
    out = await run();
    assert.deepEqual([error(out).code, error(out).status], ["server_error", 502]);
    assert.equal(server.requests.length, 2);
  });

  for (const [name, json] of [
    ["missing", { expires_after: 600 }],
    ["empty", { client_secret: "", expires_after: 600 }],
    ["not a string", { client_secret: 42, expires_after: 600 }],
  ]) {
    test(`a ${name} client_secret is bad_response`, async () => {
      server.script({ json });
      const out = await run();
      assert.deepEqual([error(out).code, error(out).retryable], ["bad_response", false]);
      assert.match(error(out).message, /no client_secret/);
      assert.equal(server.requests.length, 1);
    });
  }

  test("absurd or negative expiries are bad_response", async () => {
    for (const json of [
      { client_secret: "ek_x1", expires_after: -5 },
      { client_secret: "ek_x2", expires_after: 600_000 },
      { client_secret: "ek_x3", expires_at: Date.now() },
      { client_secret: "ek_x4", expires_after: "600" },
    ]) {
      server.reset();
      server.script({ json });
      const out = await run();
      assert.equal(error(out).code, "bad_response", JSON.stringify(json));
      assert.equal(server.requests.length, 1);
      assert.ok(!error(out).message.includes(json.client_secret));
    }
  });

  test("a refresh answering the same secret is asked again once, then refresh_loop", async () => {
    const first = server.secret();
    server.script(first, same, same);
    const out = await run({ calls: [null, "$last"], options: NO_INTERVAL });
    assert.equal(out.results[0].ok, first.json.client_secret);
    assert.deepEqual([error(out, 1).code, error(out, 1).retryable], ["refresh_loop", false]);
    assert.match(error(out, 1).hint, /fresh, longer-lived secret/);
    assert.deepEqual(paths(), ["start", "refresh", "refresh"]);
    assert.deepEqual(phases(out), ["start:request", "start:success:200", "refresh:request", "refresh:retry:200", "refresh:failure:200"]);
  });

  test("a refresh answering the same secret, then a fresh one, succeeds", async () => {
    server.script(server.secret(), same, server.secret());
    const out = await run({ calls: [null, "$last"], options: NO_INTERVAL });
    assert.deepEqual(out.results, [{ ok: server.issued.at(-2) }, { ok: server.issued.at(-1) }]);
    assert.equal(server.requests.length, 3);
  });

  test("an already-expired secret is asked for once more, then refresh_loop", async () => {
    server.script(server.secret({ expires_after: 0 }), server.secret({ expires_after: undefined, expires_at: Math.floor(Date.now() / 1000) - 60 }));
    let out = await run();
    assert.equal(error(out).code, "refresh_loop");
    assert.equal(server.requests.length, 2);

    server.reset();
    server.script(server.secret({ expires_after: 0 }), server.secret());
    out = await run();
    assert.deepEqual(out.results, [{ ok: server.issued.at(-1) }]);
    assert.equal(server.requests.length, 2);
  });

  test("401 on /start without authToken: unauthorized at once", async () => {
    server.script({ status: 401, json: { error: { code: "unauthorized", message: "Not signed in", retryable: false } } });
    const out = await run();
    assert.deepEqual([error(out).code, error(out).status, error(out).retryable], ["unauthorized", 401, false]);
    assert.equal(server.requests.length, 1);
  });

  test("401 step 1: a changed token repeats the request once", async () => {
    server.script(server.secret(), { status: 401 }, server.secret());
    const out = await run({ calls: [null, "$last"], tokens: TOKENS, options: NO_INTERVAL });
    assert.deepEqual(out.results.map((r) => r.ok), server.issued.slice(-2));
    assert.deepEqual(paths(), ["start", "refresh", "refresh"]);
    assert.deepEqual(server.requests.map((r) => r.headers.authorization), ["Bearer app-token-1", "Bearer app-token-1", "Bearer app-token-2"]);
  });

  test("401 step 2: the same token, so /refresh falls back to /start once", async () => {
    server.script(server.secret(), { status: 401 }, server.secret());
    const out = await run({ calls: [null, "$last"], tokens: ["app-token-1"], options: NO_INTERVAL });
    assert.deepEqual(out.results.map((r) => r.ok), server.issued.slice(-2));
    assert.deepEqual(paths(), ["start", "refresh", "start"]);
    assert.deepEqual(phases(out).slice(2), ["refresh:request", "start:retry:401", "start:success:200"]);
  });

  test("401 step 3: new token, /start, then unauthorized, and the secret is forgotten", async () => {
    server.script(server.secret(), { status: 401 }, { status: 401 }, { status: 401 });
    const out = await run({ calls: [null, "$last"], tokens: TOKENS, options: NO_INTERVAL });
    assert.deepEqual([error(out, 1).code, error(out, 1).status], ["unauthorized", 401]);
    assert.match(error(out, 1).hint, /authToken/);
    assert.deepEqual(paths(), ["start", "refresh", "refresh", "start"]);
    assert.equal(out.expiresAt, null);
  });

  test("authToken throwing is unauthorized with its error as cause, before any request", async () => {
    const out = await run({ tokenThrows: true });
    assert.deepEqual([error(out).code, error(out).cause], ["unauthorized", "token store unavailable"]);
    assert.equal(server.requests.length, 0);
  });

  test("400 is bad_request, not retried, with the server's hint", async () => {
    server.script({ status: 400, json: { error: { code: "invalid_body", message: "bad", hint: "Send JSON.", retryable: false } } });
    const out = await run({ options: { retries: 3 } });
    assert.deepEqual([error(out).code, error(out).status, error(out).hint, error(out).retryable], ["bad_request", 400, "Send JSON.", false]);
    assert.match(error(out).message, /\(invalid_body\)/);
    assert.equal(server.requests.length, 1);
  });

  test("retryable: false stops at once with its hint; a hint holding a secret is dropped", async () => {
    server.script({ status: 502, json: { error: { code: "upstream_auth", message: "x", hint: "Check OPENAI_API_KEY.", retryable: false } } });
    let out = await run({ options: { retries: 3 } });
    assert.deepEqual([error(out).code, error(out).retryable, error(out).status, error(out).hint], ["server_error", false, 502, "Check OPENAI_API_KEY."]);
    assert.equal(server.requests.length, 1);

    server.reset();
    server.script(server.secret(), (body) => ({ status: 503, json: { error: { code: "x", message: "x", hint: `bad ${body.currentClientSecret}`, retryable: false } } }));
    out = await run({ calls: [null, "$last"], options: NO_INTERVAL });
    assert.equal(error(out, 1).code, "server_error");
    assert.ok(!(error(out, 1).hint ?? "").includes("ek_"));
  });

  test("a connection dropped mid-answer is retried, then network", async () => {
    server.script({ drop: true }, { drop: true });
    const out = await run();
    assert.deepEqual([error(out).code, error(out).retryable], ["network", true]);
    assert.equal(server.requests.length, 2);
  });

  test("a server clock an hour off: expires_at is corrected by Date; expires_after wins over it", async () => {
    const offset = 3_600_000;
    const serverNow = Date.now() + offset;
    server.script({ ...server.secret({ expires_after: undefined, expires_at: Math.floor(serverNow / 1000) + 600 }), clockOffsetMs: offset });
    let out = await run();
    assert.ok(out.results[0].ok);
    assert.ok(Math.abs(out.expiresAt - (out.now + 600_000)) < 5_000, `expiresAt is ${(out.expiresAt - out.now) / 1000} s away`);

    server.reset();
    server.script({ ...server.secret({ expires_after: 300, expires_at: 1 }), clockOffsetMs: -offset });
    out = await run();
    assert.ok(Math.abs(out.expiresAt - (out.now + 300_000)) < 5_000);
    assert.equal(server.requests.length, 1);
  });

  test("50 concurrent callers share exactly one request", async () => {
    const out = await page.evaluate(async () => {
      const s = new window.glue.ClientSecretSource({ minRefreshIntervalMs: 50 });
      const all = await Promise.all(Array.from({ length: 50 }, () => s.getClientSecret(null)));
      const stable = s.getClientSecret === s.getClientSecret;
      const unbound = s.getClientSecret;
      const again = await unbound(null);
      s.dispose();
      return { distinct: [...new Set(all)], again, stable };
    });
    assert.equal(server.requests.length, 1);
    assert.deepEqual(out.distinct, [server.issued.at(-1)]);
    assert.equal(out.again, server.issued.at(-1));
    assert.equal(out.stable, true);
  });

  test("clear() aborts the request in flight and forgets; dispose() rejects later calls", async () => {
    server.script({ hang: true });
    const out = await page.evaluate(async () => {
      const s = new window.glue.ClientSecretSource({});
      const p = s.getClientSecret(null).catch((e) => e.code);
      await new Promise((r) => setTimeout(r, 100));
      s.clear();
      const first = await p;
      const second = await s.getClientSecret(null);
      const expires = s.expiresAt() !== null;
      s.clear();
      const cleared = s.expiresAt();
      s[Symbol.dispose]();
      const third = await s.getClientSecret(null).catch((e) => e.code);
      return { first, second, expires, cleared, third };
    });
    assert.deepEqual(out, { first: "aborted", second: server.issued.at(-1), expires: true, cleared: null, third: "aborted" });
    assert.equal(server.requests.length, 2);
  });

  test("before its module loads: StrictMode's two prefetches, a slow authToken and ChatKit's first call make one request; the same secret passed back inside the interval makes none", async () => {
    const fresh = await newPage(browser); // a page whose module has not loaded
    try {
      await fresh.page.goto(server.url + "/");
      await fresh.page.waitForFunction(() => window.imported === true);
      const r = await fresh.page.evaluate(async () => {
        const s = new window.glue.ClientSecretSource({
          minRefreshIntervalMs: 60_000,
          authToken: () => new Promise((resolve) => setTimeout(() => resolve("app-token-1"), 150)),
        });
        s.prefetch();
        s.prefetch();
        const first = await s.getClientSecret(null);
        const again = await s.getClientSecret(first);
        const later = await s.getClientSecret(null);
        return { same: first === again && again === later };
      });
      assert.equal(r.same, true);
      assert.deepEqual(paths(), ["start"], "one request");
      assert.equal(server.requests[0].headers.authorization, "Bearer app-token-1");
      assert.deepEqual(fresh.log.pageErrors, []);
    } finally {
      await fresh.context.close();
    }
  });

  test("prefetch() starts the request; the next call gets its secret", async () => {
    const out = await page.evaluate(async () => {
      const s = new window.glue.ClientSecretSource({});
      s.prefetch();
      const secret = await s.getClientSecret(null);
      s.dispose();
      return secret;
    });
    assert.equal(out, server.issued.at(-1));
    assert.equal(server.requests.length, 1);
  });

  test("headers, credentials and the app token are sent", async () => {
    await run({ options: { headers: { "X-App": "1", "Content-Type": "application/json; charset=utf-8" }, credentials: "omit" }, tokens: ["app-token-1"] });
    const h = server.requests[0].headers;
    assert.deepEqual([h["x-app"], h["content-type"], h.authorization], ["1", "application/json; charset=utf-8", "Bearer app-token-1"]);
  });

  test("bad options reject every call with invalid_config; no request is made", async () => {
    for (const options of [{ retries: 99 }, { timeoutMs: -1 }, { startUrl: "" }, { authToken: "tok" }, { nope: 1 }, { credentials: "all" }, { headers: { a: 1 } }]) {
      const out = await run({ options });
      assert.equal(error(out).code, "invalid_config", JSON.stringify(options));
    }
    assert.equal(server.requests.length, 0);
  });

  test("an onEvent that throws never breaks the call", async () => {
    const out = await page.evaluate(async () => {
      const original = console.error;
      let logged = 0;
      console.error = () => logged++;
      try {
        const s = new window.glue.ClientSecretSource({ onEvent: () => { throw new Error("observer bug"); } });
        const secret = await s.getClientSecret(null);
        s.dispose();
        return { secret, logged };
      } finally {
        console.error = original;
      }
    });
    assert.equal(out.secret, server.issued.at(-1));
    assert.equal(out.logged, 2, "reported on the console in development");
  });
});
