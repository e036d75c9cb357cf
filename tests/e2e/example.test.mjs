// End-to-end tests of the example app (examples/nextjs) with the example ChatKit server
// (examples/chatkit-server), in headless Chromium. ChatKit's own script cannot load here:
// its URL serves tests/e2e/chatkit-standin.js (or is aborted for the offline test), and
// every other request that is not to 127.0.0.1 is aborted. The app is unchanged.
//
//   node --test tests/e2e/      (after scripts/setup and scripts/build)
//
// One `next build`, served by `next start`; then one pass against `next dev` (React
// StrictMode). The tarball must already be installed in examples/nextjs (the packaging
// test or scripts/demo does it; this test installs it when it is missing).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launch } from "../js/lib/browser.mjs";
import { printDurations, requireTarball, run, timed } from "../packaging/lib.mjs";
import {
  JWT_RE,
  SECRET_RE,
  SESSION_SECONDS,
  STANDIN_API_KEY,
  appDir,
  badTokens,
  buildApp,
  chatPage,
  fingerprint,
  send,
  signInApi,
  signInUi,
  startStack,
} from "./lib.mjs";

const post = (url, token, body = { type: "threads.list", params: {} }) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });

function assertNoJwt(label, text, tokens) {
  for (const t of tokens) assert.ok(!text.includes(t), `${label} contains a JWT`);
  const m = JWT_RE.exec(text);
  assert.equal(m, null, `${label} contains something JWT-like at ${m?.index}`);
}

/** No JWT, no client secret (known or `ek_`-like) and not the API key. */
function assertNoCredential(label, text, tokens, secrets = []) {
  assertNoJwt(label, text, tokens);
  for (const s of secrets) assert.ok(!text.includes(s), `${label} contains a client secret`);
  const m = SECRET_RE.exec(text);
  assert.equal(m, null, `${label} contains something like a client secret at ${m?.index}`);
  assert.ok(!text.includes(STANDIN_API_KEY), `${label} contains the API key`);
}

const text = (page, id) => page.locator(`[data-testid="${id}"]`).textContent();
const waitText = (page, id, re, timeout = 15_000) =>
  page.waitForFunction(
    ([id, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [id, re.source],
    { timeout },
  );
/** Waits (up to 5 s) for the stand-in's log to show `n` sessions since `before`, then says how many. */
async function sessionsSince(stack, before, n, waitMs = 5_000) {
  const deadline = Date.now() + waitMs;
  while (stack.sessions().length - before < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // Its log reaches us through a pipe, not with the HTTP answer: give a stray line time to arrive.
  await new Promise((r) => setTimeout(r, 300));
  return stack.sessions().length - before;
}

const toolLine = (page, name) => page.locator(`[data-testid="tools"] li[data-tool="${name}"]`).textContent();

/**
 * Hosted mode through the page: one session for ChatKit's first getClientSecret (the
 * page's prefetch and ChatKit's call share it), a forced expiry inside the refresh
 * guard's interval answered from the cache, one after it refreshed; then client tool
 * round trips. Returns what the page recorded.
 */
async function hostedFlow(stack, page, context, rec, { expectPopup = true } = {}) {
  const before = stack.sessions().length;
  await page.goto(`${stack.url}/hosted`);
  await page.locator('[data-testid="script-status"]', { hasText: "ready" }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__chatkitStandin?.secrets[0]?.ok === true, null, { timeout: 30_000 });
  const firstAt = Date.now();
  await waitText(page, "secret-starts", /^1$/);
  assert.equal(await sessionsSince(stack, before, 1), 1, "ChatKit's first secret took one session");
  assert.match(await text(page, "secret-expiry"), /^[01]:\d\d$/, "the panel counts the secret's expiry down");

  // ChatKit says the secret expired at once: the refresh guard answers from the cache.
  assert.equal(await page.evaluate(() => window.__chatkitStandin.expire()), true);
  assert.equal(await sessionsSince(stack, before, 2), 1, "a refresh inside the guard's interval made a request");
  // After the interval (10% of the lifetime, at least 5 s), a real refresh.
  const interval = Math.max(5_000, SESSION_SECONDS * 100);
  await new Promise((r) => setTimeout(r, Math.max(0, firstAt + interval + 500 - Date.now())));
  assert.equal(await page.evaluate(() => window.__chatkitStandin.expire()), true);
  await waitText(page, "secret-refreshes", /^1$/);
  assert.equal(await sessionsSince(stack, before, 2), 2, "one refresh, one more session");
  const st = await page.evaluate(() => structuredClone(window.__chatkitStandin.secrets));
  assert.deepEqual(st.map((x) => x.ok), [true, true, true]);
  assert.deepEqual(
    rec.sessionRequests.map((r) => r.path),
    ["/api/chatkit/start", "/api/chatkit/refresh"],
  );
  const tokens = rec.sessionRequests.map((r) => /^Bearer (.+)$/.exec(r.authorization ?? "")?.[1]);
  assert.ok(tokens.every((t) => t && JWT_RE.test(t)), "a session request without the app's JWT");
  // The stand-in minted both sessions for the user the JWT names.
  const sub = JSON.parse(Buffer.from(tokens[0].split(".")[1], "base64url").toString()).sub;
  assert.ok(stack.sessions().slice(-2).every((l) => l.includes(`user=${sub} `)), stack.sessions().join("\n"));
  assert.equal(rec.secrets.length, 2);
  assert.notEqual(rec.secrets[0], rec.secrets[1]);

  // Client tools, as the hosted workflow would call them.
  let s = await send(page, "add note hosted note", 1);
  assert.deepEqual(s.toolCalls[0], { name: "add_note", params: { text: "hosted note" }, result: { added: true, count: 1 } });
  assert.equal(s.messages[0], 'Tool add_note returned {"added":true,"count":1}');
  s = await send(page, "open link javascript:alert(1)", 2);
  assert.equal(s.toolCalls[1].result.error.code, "invalid_params");
  assert.equal(s.toolCalls[1].result.error.mayHaveCompleted, false);
  assert.equal(context.pages().length, 1, "javascript: opened a window");
  if (expectPopup) {
    const popup = context.waitForEvent("page", { timeout: 15_000 });
    s = await send(page, "open link https://example.com/docs", 3);
    assert.deepEqual(s.toolCalls[2].result, { opened: true, url: "https://example.com/docs" });
    await (await popup).close();
  }
  assert.deepEqual(s.errors, []);
  await waitText(page, "notes", /hosted note/);
  assert.match(await toolLine(page, "add_note"), /1 call, last ok in \d+ ms/);
  assert.match(await toolLine(page, "open_link"), expectPopup ? /2 calls, last ok in \d+ ms/ : /1 call, last invalid_params/);
  return { tokens, secrets: rec.secrets };
}

/** The panel's response metrics moved (responses counted, p50/p90 in ms). */
async function assertMetrics(page, responses) {
  await waitText(page, "metric-responses", new RegExp(`^([${responses}-9]|\\d{2,})$`));
  assert.match(await text(page, "metric-p50"), /^\d+ ms$/);
  assert.match(await text(page, "metric-p90"), /^\d+ ms$/);
  assert.equal(await text(page, "metric-errors"), "0");
  assert.equal(await text(page, "metric-dropped"), "0");
}

/** Waits until analytics delivered the event types, and checks every payload. */
async function assertAnalytics(page, rec, types, tokens, secrets) {
  await page.waitForFunction(() => true); // let the page run
  const deadline = Date.now() + 15_000;
  const seen = () => new Set(rec.analyticsPayloads.flatMap((p) => JSON.parse(p).events.map((e) => e.type)));
  while (!types.every((t) => seen().has(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(types.filter((t) => !seen().has(t)), [], `analytics never sent ${types}`);
  assertNoCredential("analytics payloads", rec.analyticsPayloads.join("\n"), tokens, secrets);
  assertNoCredential("the panel's events", await text(page, "events"), tokens, secrets);
}

before(async () => {
  if (!existsSync(path.join(appDir, "node_modules", "chatkit-glue"))) {
    await run("npm", ["install", "--no-save", "--no-audit", "--no-fund", requireTarball()], { cwd: appDir });
  }
});
after(() => printDurations("e2e durations"));

describe("example app with next start", { concurrency: 1 }, () => {
  let stack, browser, session;
  const seenTokens = new Set();
  const seenSecrets = new Set();

  before(async () => {
    await timed("next build", buildApp);
    stack = await timed("start the stand-ins and next start", () => startStack("start"));
    browser = await launch();
    session = await signInApi(stack);
    seenTokens.add(session.token);
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  test("sign-in works and the custom page shows the user", async () => {
    const { page, context, log } = await chatPage(browser);
    try {
      await signInUi(page, stack.url);
      assert.match(await page.locator('[data-testid="signed-in-as"]').textContent(), /demo@example\.com/);
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("signed-out, expired, foreign-key and wrong iss/aud JWTs get 401 from every chatkit route and the Python server", async () => {
    const { token, sub } = session;
    const { expired, foreign, wrongIssuer, wrongAudience } = await badTokens(stack, sub);
    seenTokens.add(expired).add(foreign).add(wrongIssuer).add(wrongAudience);
    const sessionsBefore = stack.sessions().length;
    for (const [name, url] of [
      ["/api/chatkit", `${stack.url}/api/chatkit`],
      ["/api/chatkit/start", `${stack.url}/api/chatkit/start`],
      ["/api/chatkit/refresh", `${stack.url}/api/chatkit/refresh`],
      ["python server", stack.serverUrl],
    ]) {
      const routeBefore = stack.sessions().length;
      for (const [kind, t] of [
        ["no token", null],
        ["expired", expired],
        ["foreign key", foreign],
        ["wrong issuer", wrongIssuer],
        ["wrong audience", wrongAudience],
        ["garbage", "abc.def.ghi"],
      ]) {
        const res = await post(url, t);
        const body = await res.text();
        assert.equal(res.status, 401, `${name}, ${kind}: ${res.status} ${body}`);
        assertNoCredential(`${name} 401 body`, body, seenTokens, seenSecrets);
      }
      if (name.startsWith("/api/chatkit/")) {
        // No session was minted for any of them: resolveUser refused before OpenAI.
        assert.equal(await sessionsSince(stack, routeBefore, 1, 200), 0, `${name}: a refused request reached the sessions endpoint`);
      }
      // The valid token passes (threads.list answers JSON; the hosted routes a secret).
      const ok = await post(url, token, name.startsWith("/api/chatkit/") ? {} : undefined);
      const body = await ok.text();
      assert.equal(ok.status, 200, `${name} with a valid token: ${ok.status} ${body}`);
      if (name.startsWith("/api/chatkit/")) {
        const j = JSON.parse(body);
        assert.match(j.client_secret, SECRET_RE);
        assert.equal(j.expires_after, SESSION_SECONDS);
        seenSecrets.add(j.client_secret);
        assert.equal(await sessionsSince(stack, routeBefore, 1), 1, `${name}: one session for the valid token`);
      }
    }
    assert.equal(await sessionsSince(stack, sessionsBefore, 2), 2);
  });

  test("custom mode: echo, client tool round trips, javascript: refused, bearer token seen by the server", async () => {
    const rec = await chatPage(browser, { session });
    const { page, context, log, consoleAll, authHeaders } = rec;
    try {
      await page.goto(`${stack.url}/custom`);
      await page.locator('[data-testid="script-status"]', { hasText: "ready" }).waitFor({ timeout: 30_000 });
      let s = await send(page, "hello there", 1);
      assert.equal(s.messages[0], "You said: hello there");
      assert.ok(s.events.includes("chatkit.ready") && s.events.includes("chatkit.thread.change"), s.events.join());

      // Playwright's evaluate counts as a user gesture (as a real send by click or Enter
      // does), so the link opens: a popup whose request to example.com the test aborts.
      const popup = context.waitForEvent("page", { timeout: 15_000 });
      s = await send(page, "open link https://example.com/docs", 2);
      assert.deepEqual(s.toolCalls[0], {
        name: "open_link",
        params: { url: "https://example.com/docs" },
        result: { opened: true, url: "https://example.com/docs" },
      });
      assert.equal(s.messages[1], 'Tool open_link returned {"opened":true,"url":"https://example.com/docs"}');
      const opened = await popup;
      await opened.waitForLoadState().catch(() => {});
      assert.deepEqual(log.blocked, ["https://example.com/docs"], "only the opened link left 127.0.0.1");
      await opened.close();
      log.blocked.length = 0;

      s = await send(page, "open link javascript:alert(1)", 3);
      assert.equal(s.toolCalls[1].result.error.code, "invalid_params");
      assert.equal(context.pages().length, 1, "javascript: opened a window");
      assert.match(s.messages[2], /invalid_params/);

      s = await send(page, "add note buy milk", 4);
      assert.deepEqual(s.toolCalls[2].result, { added: true, count: 1 });
      await waitText(page, "notes", /buy milk/);
      assert.equal(await page.locator('[data-testid="notes"] li').first().textContent(), "buy milk");
      // The panel: each registered tool with its calls and the last one's outcome.
      assert.deepEqual(await page.locator('[data-testid="tools"] li').evaluateAll((l) => l.map((e) => e.dataset.tool)), [
        "open_link",
        "add_note",
      ]);
      assert.match(await toolLine(page, "open_link"), /2 calls, last invalid_params in \d+ ms/);
      assert.match(await toolLine(page, "add_note"), /1 call, last ok in \d+ ms/);
      await assertMetrics(page, 4);
      assert.deepEqual(s.errors, []);
      assert.deepEqual(
        s.requests,
        ["threads.create", "threads.add_user_message", "threads.add_client_tool_output", "threads.add_user_message",
          "threads.add_client_tool_output", "threads.add_user_message", "threads.add_client_tool_output"],
      );

      // Every request carried the app's JWT, and the Python server saw exactly those tokens.
      assert.equal(authHeaders.length, 7);
      const tokens = authHeaders.map((h) => /^Bearer (.+)$/.exec(h ?? "")?.[1]);
      assert.ok(tokens.every(Boolean), "a /api/chatkit request without a bearer token");
      for (const t of tokens) seenTokens.add(t);
      const serverLog = stack.chatkit.output();
      for (const t of new Set(tokens)) {
        assert.ok(
          serverLog.includes(`authorized request: op=threads.create`) && serverLog.includes(`token_sha256=${fingerprint(t)}`),
          `the Python server did not log the fingerprint of the page's token`,
        );
      }
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.blocked, [], "requests off 127.0.0.1 other than ChatKit's script");
      await assertAnalytics(page, rec, ["ready", "response.end", "tool.call"], seenTokens, seenSecrets);
      assertNoCredential("browser console", consoleAll.join("\n"), seenTokens, seenSecrets);
    } finally {
      await context.close();
    }
  });

  test("hosted mode: secrets fetched once and refreshed once, client tools, javascript: refused, panel metrics", async () => {
    const rec = await chatPage(browser, { session });
    const { page, context, log, consoleAll } = rec;
    try {
      const { tokens, secrets } = await hostedFlow(stack, page, context, rec);
      for (const t of tokens) seenTokens.add(t);
      for (const x of secrets) seenSecrets.add(x);
      await assertMetrics(page, 3);
      assert.equal(await text(page, "secret-failures"), "0");
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.blocked, ["https://example.com/docs"], "only the opened link left 127.0.0.1");
      await assertAnalytics(page, rec, ["ready", "secret.fetch", "tool.call", "response.end"], seenTokens, seenSecrets);
      assertNoCredential("browser console", consoleAll.join("\n"), seenTokens, seenSecrets);
    } finally {
      await context.close();
    }
  });

  test("offline: with ChatKit's script aborted the pages say so and the glue panel still works", async () => {
    const rec = await chatPage(browser, { script: "abort", session });
    const { page, context, log, consoleAll } = rec;
    try {
      for (const path of ["/hosted", "/custom"]) {
        await page.goto(`${stack.url}${path}`);
        const notice = page.locator('[data-testid="chatkit-offline"]');
        await notice.waitFor({ timeout: 30_000 });
        assert.match(await notice.textContent(), /ChatKit is unavailable/);
        assert.equal(await text(page, "script-status"), "failed");
        // The panel works: tools dispatch (a note added, javascript: refused), metrics move.
        await page.click('[data-testid="try-add-note"]');
        await waitText(page, "try-result", /add_note: \{"added":true/);
        await page.click('[data-testid="try-bad-link"]');
        await waitText(page, "try-result", /open_link: .*"invalid_params"/);
        assert.match(await toolLine(page, "add_note"), /1 call, last ok/);
        assert.match(await toolLine(page, "open_link"), /1 call, last invalid_params/);
        await waitText(page, "metric-tool-calls", /^2$/);
        if (path === "/hosted") {
          // The secret was fetched anyway (the page prefetches it): the countdown runs.
          await waitText(page, "secret-expiry", /^[01]:\d\d$/);
          for (const x of rec.secrets) seenSecrets.add(x);
        }
      }
      assert.equal(context.pages().length, 1);
      await assertAnalytics(page, rec, ["tool.call"], seenTokens, seenSecrets);
      assertNoCredential("browser console (offline)", consoleAll.join("\n"), seenTokens, seenSecrets);
      // The rest of the page still works: navigation and the session do.
      await page.click('a[href="/sign-in"]');
      await page.locator('[data-testid="session-user"]').waitFor({ timeout: 30_000 });
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("no JWT, client secret or API key in the servers' logs", () => {
    const { app, chatkit, standin } = stack.logs();
    assert.ok(seenSecrets.size >= 4 && seenTokens.size >= 5, "the tests saw the credentials they look for");
    assertNoCredential("next start output", app, seenTokens, seenSecrets);
    assertNoCredential("ChatKit server output", chatkit, seenTokens, seenSecrets);
    assertNoCredential("sessions stand-in output", standin, seenTokens, seenSecrets);
    assert.match(app, /analytics: \d+ events/, "the analytics route received batches");
  });
});

describe("example app with next dev (React StrictMode)", { concurrency: 1 }, () => {
  let stack, browser;
  before(async () => {
    stack = await timed("start the stand-ins and next dev", () => startStack("dev"));
    browser = await launch();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  test("both modes under StrictMode: one secret then one refresh, client tool round trips, clean options", async () => {
    const rec = await chatPage(browser);
    const { page, context, log, consoleAll, authHeaders } = rec;
    try {
      await timed("next dev: sign in (first compile)", () => signInUi(page, stack.url));
      await page.locator('[data-testid="script-status"]', { hasText: "ready" }).waitFor({ timeout: 60_000 });
      const s = await send(page, "add note from dev", 1);
      assert.deepEqual(s.toolCalls.map((c) => c.result), [{ added: true, count: 1 }]);
      assert.match(s.messages[0], /^Tool add_note returned/);
      assert.deepEqual(s.errors, []);
      // StrictMode mounts twice; the element must still have been set up with full options
      // and produced exactly one round trip.
      assert.deepEqual(s.requests, ["threads.create", "threads.add_client_tool_output"]);
      await assertMetrics(page, 1);
      const tokens = authHeaders.map((h) => /^Bearer (.+)$/.exec(h ?? "")?.[1]).filter(Boolean);
      assert.equal(tokens.length, 2);

      // Hosted mode (a full load: fresh module-scope objects), compiled on first visit.
      const hosted = await timed("next dev: hosted flow (first compile)", () =>
        hostedFlow(stack, page, context, rec, { expectPopup: false }),
      );
      await assertMetrics(page, 2);
      assert.deepEqual(log.pageErrors, []);
      const all = [...tokens, ...hosted.tokens];
      await assertAnalytics(page, rec, ["ready", "secret.fetch", "tool.call", "response.end"], all, hosted.secrets);
      // reportOptions ran (development) and found nothing to report in either page's options.
      assert.deepEqual(consoleAll.filter((l) => l.includes("chatkit-glue")), []);
      assertNoCredential("browser console (dev)", consoleAll.join("\n"), all, hosted.secrets);
      const { app, chatkit, standin } = stack.logs();
      assertNoCredential("next dev output", app, all, hosted.secrets);
      assertNoCredential("ChatKit server output (dev)", chatkit, all, hosted.secrets);
      assertNoCredential("sessions stand-in output (dev)", standin, all, hosted.secrets);
    } finally {
      await context.close();
    }
  });
});
