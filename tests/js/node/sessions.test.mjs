// createSessionHandlers in Node against the local stand-in of OpenAI's sessions
// endpoint, which checks method, path, headers and body like the real one; and
// ClientSecretSource end to end through the handlers.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { ClientSecretSource, createSessionHandlers, isGlueError } from "chatkit-glue";
import { startStandin, STANDIN_API_KEY } from "../../../tools/sessions-standin/server.mjs";
import { serveRoutes } from "../lib/secrets-server.mjs";

const KEY = STANDIN_API_KEY;
let standin;
const logged = [];
const originalError = console.error;
before(async () => {
  standin = await startStandin();
  // Every console line the handlers print is kept: none may hold the key.
  console.error = (...args) => logged.push(args.map(String).join(" "));
});
afterEach(() => {
  standin.requests.length = 0;
});
after(async () => {
  console.error = originalError;
  await standin.close();
  for (const line of logged) assert.ok(!line.includes(KEY), "a log line holds the API key");
});

const handlers = (extra = {}) =>
  createSessionHandlers({ apiKey: KEY, workflowId: "wf_test", baseUrl: standin.url, resolveUser: () => "user-1", ...extra });
const post = (path = "/api/chatkit/start", body = "{}", init = {}) =>
  new Request(`http://app.test${path}`, { method: "POST", headers: { "content-type": "application/json" }, body, ...init });

async function read(response) {
  const text = await response.text();
  assert.ok(!text.includes(KEY), "a response holds the API key");
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.equal(response.headers.get("cache-control"), "no-store");
  return { status: response.status, body: JSON.parse(text), headers: response.headers };
}

describe("createSessionHandlers", () => {
  test("start mints a session: the upstream request and the answer", async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await read(await handlers().start(post()));
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ["client_secret", "expires_after", "expires_at"]);
    assert.match(r.body.client_secret, /^ek_standin_/);
    assert.ok(r.body.expires_at >= before + 600 && r.body.expires_at <= before + 602);
    assert.ok(r.body.expires_after >= 598 && r.body.expires_after <= 600, String(r.body.expires_after));
    assert.equal(standin.requests.length, 1);
    const [up] = standin.requests;
    assert.equal(up.method, "POST");
    assert.equal(up.path, "/v1/chatkit/sessions");
    assert.equal(up.headers.authorization, `Bearer ${KEY}`);
    assert.equal(up.headers["openai-beta"], "chatkit_beta=v1");
    assert.equal(up.headers["content-type"], "application/json");
    assert.deepEqual(up.body, { user: "user-1", workflow: { id: "wf_test" } });
  });

  test("the options become expires_after, rate_limits and chatkit_configuration", async () => {
    const h = handlers({ expiresAfterSeconds: 300, maxRequestsPerMinute: 20, fileUpload: true, resolveUser: async () => 'u "quoted" ü' });
    const r = await read(await h.start(post()));
    assert.equal(r.status, 200);
    assert.ok(r.body.expires_after >= 298 && r.body.expires_after <= 300);
    assert.deepEqual(standin.requests[0].body, {
      user: 'u "quoted" ü',
      workflow: { id: "wf_test" },
      expires_after: { anchor: "created_at", seconds: 300 },
      rate_limits: { max_requests_per_1_minute: 20 },
      chatkit_configuration: { file_upload: { enabled: true } },
    });
  });

  test("refresh mints a new session for the same user, whatever the body says", async () => {
    const h = handlers();
    const first = (await read(await h.start(post()))).body.client_secret;
    const bodies = [JSON.stringify({ currentClientSecret: first }), JSON.stringify({ current_client_secret: first }), "", "not json"];
    const secrets = new Set([first]);
    for (const body of bodies) {
      const r = await read(await h.refresh(post("/api/chatkit/refresh", body)));
      assert.equal(r.status, 200);
      secrets.add(r.body.client_secret);
    }
    assert.equal(secrets.size, 5, "every call is a new secret");
    assert.ok(standin.requests.every((r) => r.body.user === "user-1"));
  });

  test("POST dispatches on the last path segment", async () => {
    const h = handlers();
    assert.equal((await h.POST(post("/api/chatkit/start"))).status, 200);
    assert.equal((await h.POST(post("/api/chatkit/refresh/?x=1"))).status, 200);
    const r = await read(await h.POST(post("/api/chatkit/other")));
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, "not_found");
    assert.equal(standin.requests.length, 2);
  });

  test("only POST", async () => {
    const response = await handlers().start(new Request("http://app.test/api/chatkit/start"));
    const r = await read(response);
    assert.deepEqual([r.status, r.body.error.code, r.headers.get("allow")], [405, "method_not_allowed", "POST"]);
    assert.equal(standin.requests.length, 0);
  });

  test("resolveUser: null is 401 with no upstream call; a throw is 500 with no details", async () => {
    let r = await read(await handlers({ resolveUser: async () => null }).start(post()));
    assert.deepEqual([r.status, r.body.error.code, r.body.error.retryable], [401, "unauthorized", false]);
    r = await read(await handlers({ resolveUser: () => { throw new Error("jwt eyJhbGciOi.secret.sig expired"); } }).start(post()));
    assert.deepEqual([r.status, r.body.error.code], [500, "internal"]);
    assert.ok(!JSON.stringify(r.body).includes("eyJ"));
    r = await read(await handlers({ resolveUser: async () => 42 }).start(post()));
    assert.deepEqual([r.status, r.body.error.code], [500, "internal"]);
    assert.match(r.body.error.hint, /resolveUser must return/);
    assert.equal(standin.requests.length, 0);
  });

  test("resolveUser receives the request", async () => {
    let seen;
    await handlers({ resolveUser: (req) => ((seen = req.headers.get("authorization")), "u") }).start(
      post("/api/chatkit/start", "{}", { headers: { authorization: "Bearer app-jwt" } }),
    );
    assert.equal(seen, "Bearer app-jwt");
  });

  const upstream = [
    ["a wrong key (401)", {}, { apiKey: "wrong-key" }, 502, "upstream_auth", false, /OPENAI_API_KEY/],
    ["403", { status: 403, json: { error: { message: "Project does not have access" } } }, {}, 502, "upstream_auth", false, /OPENAI_API_KEY/],
    ["an unknown workflow (404)", {}, { workflowId: "nope" }, 502, "upstream_rejected", false, /CHATKIT_WORKFLOW_ID/],
    ["400", { status: 400, json: { error: { message: "Invalid user" } } }, {}, 502, "upstream_rejected", false, /CHATKIT_WORKFLOW_ID/],
    ["500", { status: 500 }, {}, 502, "upstream_error", true],
    ["503", { status: 503 }, {}, 502, "upstream_error", true],
    ["408", { status: 408 }, {}, 504, "upstream_timeout", true],
    ["a hang past timeoutMs", { hang: true }, { timeoutMs: 150 }, 504, "upstream_timeout", true],
    ["a dropped connection", { drop: true }, {}, 502, "upstream_unreachable", true],
    ["200 that is not JSON", { status: 200, text: "<html>oops</html>" }, {}, 502, "upstream_bad_response", true],
    ["200 without a secret", { status: 200, json: { expires_at: 1 } }, {}, 502, "upstream_bad_response", true],
    ["200 with expires_at in milliseconds", { status: 200, json: { client_secret: "ek_x", expires_at: Date.now() } }, {}, 502, "upstream_bad_response", true],
  ];
  for (const [name, fault, options, status, code, retryable, hint] of upstream) {
    test(`upstream ${name} → ${status} ${code}`, async () => {
      if (fault.status || fault.hang || fault.drop || fault.text) standin.fault(fault);
      const r = await read(await handlers(options).start(post()));
      assert.deepEqual([r.status, r.body.error.code, r.body.error.retryable], [status, code, retryable]);
      if (hint) assert.match(r.body.error.hint, hint);
      // Never upstream's raw body.
      for (const raw of ["Incorrect API key", "Project does not have access", "not found", "Invalid user", "oops", "server had an error"]) {
        assert.ok(!JSON.stringify(r.body).includes(raw), `upstream's body leaked: ${raw}`);
      }
      assert.equal(standin.requests.length, 1);
    });
  }

  test("upstream 429 → 429 with its Retry-After", async () => {
    standin.fault({ status: 429, headers: { "retry-after": "7" } });
    const r = await read(await handlers().start(post()));
    assert.deepEqual([r.status, r.body.error.code, r.body.error.retryable, r.headers.get("retry-after")], [429, "rate_limited", true, "7"]);
    standin.fault({ status: 429, headers: { "retry-after": "1; set-cookie=x" } });
    assert.equal((await handlers().start(post())).headers.get("retry-after"), null);
  });

  test("expires_after is measured on OpenAI's clock, so this server's clock cannot skew it", async () => {
    const skewed = await startStandin({ clockOffsetMs: 3_600_000 });
    try {
      const r = await read(await handlers({ baseUrl: skewed.url }).start(post()));
      assert.ok(r.body.expires_after >= 598 && r.body.expires_after <= 600, String(r.body.expires_after));
      assert.ok(r.body.expires_at > Date.now() / 1000 + 3_600);
    } finally {
      await skewed.close();
    }
  });

  test("a baseUrl ending in /v1 (OPENAI_BASE_URL style) works", async () => {
    assert.equal((await handlers({ baseUrl: standin.url + "/v1/" }).start(post())).status, 200);
    assert.equal(standin.requests[0].path, "/v1/chatkit/sessions");
  });

  test("an unset API key or workflow id answers 500 misconfigured per request, never at creation", async () => {
    for (const [options, hint] of [
      [{ apiKey: undefined }, /OPENAI_API_KEY/],
      [{ apiKey: "" }, /OPENAI_API_KEY/],
      [{ workflowId: undefined }, /CHATKIT_WORKFLOW_ID/],
    ]) {
      const r = await read(await handlers(options).start(post()));
      assert.deepEqual([r.status, r.body.error.code, r.body.error.retryable], [500, "misconfigured", false]);
      assert.match(r.body.error.hint, hint);
    }
    assert.equal(standin.requests.length, 0);
  });

  test("options of the wrong type throw invalid_config at creation", () => {
    const bad = [
      undefined,
      { apiKey: KEY, workflowId: "wf_1" },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", extra: 1 },
      { apiKey: 42, workflowId: "wf_1", resolveUser: () => "u" },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", expiresAfterSeconds: 601 },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", expiresAfterSeconds: 1.5 },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", maxRequestsPerMinute: 0 },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", timeoutMs: -1 },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", fileUpload: "yes" },
      { apiKey: KEY, workflowId: "wf_1", resolveUser: () => "u", baseUrl: "api.openai.com" },
    ];
    for (const options of bad) {
      assert.throws(
        () => createSessionHandlers(options),
        (e) => isGlueError(e) && e.code === "invalid_config" && !e.message.includes(KEY),
        JSON.stringify(options),
      );
    }
  });
});

describe("ClientSecretSource in Node through the handlers", () => {
  test("start, cache, refresh, with the app's token reaching resolveUser", async () => {
    const tokens = [];
    const h = handlers({ resolveUser: (req) => (tokens.push(req.headers.get("authorization")), "user-1") });
    const app = await serveRoutes({ "/api/chatkit": h.POST });
    const events = [];
    try {
      const s = new ClientSecretSource({
        startUrl: `${app.url}/api/chatkit/start`,
        refreshUrl: `${app.url}/api/chatkit/refresh`,
        authToken: async () => "app-jwt",
        minRefreshIntervalMs: 0,
        onEvent: (e) => events.push(e),
      });
      const a = await s.getClientSecret(null);
      assert.match(a, /^ek_standin_/);
      assert.ok(Math.abs(s.expiresAt() - (Date.now() + 600_000)) < 3_000);
      assert.equal(await s.getClientSecret(null), a, "cached");
      const b = await s.getClientSecret(a);
      assert.notEqual(b, a);
      assert.equal(standin.requests.length, 2);
      assert.deepEqual(tokens, ["Bearer app-jwt", "Bearer app-jwt"]);
      assert.deepEqual(events.map((e) => `${e.op}:${e.phase}`), ["start:request", "start:success", "refresh:request", "refresh:success"]);
      for (const e of events) for (const v of Object.values(e)) assert.ok(!String(v).includes("ek_"));
      s.dispose();
      assert.equal((await s.getClientSecret(null).catch((e) => e)).code, "aborted");
    } finally {
      await app.close();
    }
  });

  test("the handlers' errors arrive as ChatKitGlueErrors with their hint", async () => {
    const app = await serveRoutes({ "/api/chatkit": handlers({ apiKey: "wrong-key" }).POST });
    try {
      const s = new ClientSecretSource({ startUrl: `${app.url}/api/chatkit/start`, refreshUrl: `${app.url}/api/chatkit/refresh` });
      const e = await s.getClientSecret(null).catch((e) => e);
      assert.ok(isGlueError(e));
      assert.deepEqual([e.code, e.status, e.retryable], ["server_error", 502, false]);
      assert.match(e.message, /upstream_auth/);
      assert.match(e.hint, /OPENAI_API_KEY/);
      assert.equal(standin.requests.length, 1, "retryable: false is not retried");
    } finally {
      await app.close();
    }
  });

  test("relative URLs outside a browser are invalid_config, raised on use not at construction", async () => {
    const s = new ClientSecretSource();
    const e = await s.getClientSecret(null).catch((e) => e);
    assert.deepEqual([e.code, e.retryable], ["invalid_config", false]);
    assert.equal(s.expiresAt(), null);
    assert.equal(s.prefetch(), undefined, "prefetch does nothing on the server");
  });
});
