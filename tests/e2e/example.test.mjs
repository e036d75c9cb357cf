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

before(async () => {
  if (!existsSync(path.join(appDir, "node_modules", "chatkit-glue"))) {
    await run("npm", ["install", "--no-save", "--no-audit", "--no-fund", requireTarball()], { cwd: appDir });
  }
});
after(() => printDurations("e2e durations"));

describe("example app with next start", { concurrency: 1 }, () => {
  let stack, browser, session;
  const seenTokens = new Set();

  before(async () => {
    await timed("next build", buildApp);
    stack = await timed("start the ChatKit server and next start", () => startStack("start"));
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

  test("signed-out, expired, foreign-key and wrong iss/aud JWTs get 401 from /api/chatkit and the Python server", async () => {
    const { token, sub } = session;
    const { expired, foreign, wrongIssuer, wrongAudience } = await badTokens(stack, sub);
    seenTokens.add(expired).add(foreign).add(wrongIssuer).add(wrongAudience);
    for (const [name, url] of [["/api/chatkit", `${stack.url}/api/chatkit`], ["python server", stack.serverUrl]]) {
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
        assertNoJwt(`${name} 401 body`, body, seenTokens);
      }
      // The valid token passes both (threads.list answers JSON).
      const ok = await post(url, token);
      assert.equal(ok.status, 200, `${name} with a valid token: ${ok.status} ${await ok.text()}`);
    }
  });

  test("custom mode: echo, client tool round trips, javascript: refused, bearer token seen by the server", async () => {
    const { page, context, log, consoleAll, authHeaders } = await chatPage(browser, { session });
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
      assert.equal(await page.locator('[data-testid="notes"] li').first().textContent(), "buy milk");
      assert.equal(await page.locator('[data-testid="tool-calls"] li').count(), 3);
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
      assertNoJwt("browser console", consoleAll.join("\n"), seenTokens);
    } finally {
      await context.close();
    }
  });

  test("offline: with ChatKit's script aborted the page says so and the rest still works", async () => {
    const { page, context, log } = await chatPage(browser, { script: "abort", session });
    try {
      await page.goto(`${stack.url}/custom`);
      const notice = page.locator('[data-testid="chatkit-offline"]');
      await notice.waitFor({ timeout: 30_000 });
      assert.match(await notice.textContent(), /ChatKit is unavailable/);
      assert.equal(await page.locator('[data-testid="script-status"]').textContent(), "failed");
      // The rest of the page still works: the panel renders, navigation and the session do.
      assert.equal(await page.locator('[data-testid="glue-panel"]').count(), 1);
      await page.click('a[href="/sign-in"]');
      await page.locator('[data-testid="session-user"]').waitFor({ timeout: 30_000 });
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("no JWT in the servers' logs", () => {
    const { app, chatkit } = stack.logs();
    assertNoJwt("next start output", app, seenTokens);
    assertNoJwt("ChatKit server output", chatkit, seenTokens);
  });
});

describe("example app with next dev (React StrictMode)", { concurrency: 1 }, () => {
  let stack, browser;
  before(async () => {
    stack = await timed("start the ChatKit server and next dev", () => startStack("dev"));
    browser = await launch();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  test("sign-in and a client tool round trip under StrictMode", async () => {
    const { page, context, log, consoleAll, authHeaders } = await chatPage(browser);
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
      assert.deepEqual(log.pageErrors, []);
      const tokens = authHeaders.map((h) => /^Bearer (.+)$/.exec(h ?? "")?.[1]).filter(Boolean);
      assert.equal(tokens.length, 2);
      assertNoJwt("browser console (dev)", consoleAll.join("\n"), tokens);
      const { app, chatkit } = stack.logs();
      assertNoJwt("next dev output", app, tokens);
      assertNoJwt("ChatKit server output (dev)", chatkit, tokens);
    } finally {
      await context.close();
    }
  });
});
