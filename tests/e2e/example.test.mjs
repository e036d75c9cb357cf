// End-to-end tests of the example app (examples/nextjs) with the example ChatKit server
// (examples/chatkit-server), in headless Chromium. ChatKit's own script cannot load here:
// its URL either serves the example's ChatKit stand-in (as if ChatKit had loaded) or is
// aborted (offline: the page then offers the stand-in, served by the app itself), and
// every other request that is not to 127.0.0.1 is aborted. The app is unchanged.
//
//   node --test tests/e2e/      (after scripts/setup and scripts/build)
//
// One `next build` with Turbopack, which also gets the packaging checks (tests/packaging
// checks the webpack build the same way), served by `next start`; then one pass against
// `next dev` (React StrictMode). The fresh tarball is installed first when it is not.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launch } from "../js/lib/browser.mjs";
import { printDurations, timed } from "../packaging/lib.mjs";
import { BUNDLERS, buildWith, installFreshTarball, packagingChecks } from "../packaging/nextjs-app.mjs";
import {
  GUARD_INTERVAL_MS,
  JWT_RE,
  SECRET_RE,
  SESSION_SECONDS,
  STANDIN_API_KEY,
  appDir,
  badTokens,
  chatPage,
  continueWithStandIn,
  fingerprint,
  send,
  signInApi,
  signInUi,
  startStack,
  text,
  typeInStandIn,
  waitText,
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
 * Hosted mode through the page, the stand-in being the chat: one session for ChatKit's
 * first getClientSecret (the page's prefetch and the stand-in's call share it); a
 * reported expiry inside the refresh guard's interval answered from the cache; then,
 * before the first secret expires, a refresh (the stand-in keeps asking for a usable
 * secret, and the source refreshes inside its refresh margin). Then client tools from the
 * panel. `before`: the stand-in's session count before the page loaded. Returns what the
 * page recorded.
 */
async function hostedFlow(stack, page, rec, before) {
  await page.waitForFunction(() => window.__chatkitStandin?.secrets[0]?.ok === true, null, { timeout: 30_000 });
  const first = await page.evaluate(() => window.__chatkitStandin.secrets[0]);
  await waitText(page, "secret-starts", /^1$/);
  assert.equal(await sessionsSince(stack, before, 1, 1_000), 1, "ChatKit's first secret took one session");
  assert.match(await text(page, "secret-expiry"), /^0:\d\d$/, "the panel counts the secret's expiry down");
  assert.match(await text(page, "standin-hosted-why"), /OpenAI's servers/, "the stand-in says why there is no chat");

  // ChatKit says the secret expired at once: the refresh guard answers from the cache.
  assert.equal(await page.evaluate(() => window.__chatkitStandin.expire()), true);
  const guarded = await page.evaluate(() => window.__chatkitStandin.secrets.at(-1));
  assert.deepEqual([guarded.why, guarded.fresh, guarded.secret], ["expired", false, 1], "the guard answered from the cache");
  assert.equal(Date.now() - first.at < GUARD_INTERVAL_MS, true, "the expiry was reported inside the guard's interval");
  assert.equal(await sessionsSince(stack, before, 2, 300), 1, "a refresh inside the guard's interval made a request");

  // Before the first secret expires (SESSION_SECONDS), inside the refresh margin, a refresh.
  await waitText(page, "secret-refreshes", /^1$/, SESSION_SECONDS * 1000);
  const refreshed = await page.evaluate(() => window.__chatkitStandin.secrets.find((x) => x.secret === 2));
  assert.equal(refreshed?.fresh, true, "the stand-in got a new secret");
  assert.ok(refreshed.at < first.at + SESSION_SECONDS * 1000, "the refresh came after the first secret expired");
  assert.equal(await sessionsSince(stack, before, 2), 2, "one refresh, one more session");
  assert.deepEqual(
    rec.sessionRequests.slice(0, 2).map((r) => r.path),
    ["/api/chatkit/start", "/api/chatkit/refresh"],
  );
  const st = await page.evaluate(() => structuredClone(window.__chatkitStandin.secrets));
  assert.ok(st.every((x) => x.ok), JSON.stringify(st));
  const tokens = rec.sessionRequests.map((r) => /^Bearer (.+)$/.exec(r.authorization ?? "")?.[1]);
  assert.ok(tokens.every((t) => t && JWT_RE.test(t)), "a session request without the app's JWT");
  // The stand-in minted both sessions for the user the JWT names.
  const sub = JSON.parse(Buffer.from(tokens[0].split(".")[1], "base64url").toString()).sub;
  assert.ok(stack.sessions().slice(before).every((l) => l.includes(`user=${sub} `)), stack.sessions().join("\n"));
  assert.ok(rec.secrets.length >= 2);
  assert.notEqual(rec.secrets[0], rec.secrets[1]);
  assert.match(await text(page, "secret-life"), /refresh · success/);

  // Client tools from the panel, as the hosted workflow would call them.
  await page.click('[data-testid="try-add-note"]');
  await waitText(page, "try-result", /add_note: \{"added":true/);
  await page.click('[data-testid="try-bad-link"]');
  await waitText(page, "try-result", /open_link: .*"invalid_params"/);
  await waitText(page, "notes", /from the panel/);
  assert.match(await toolLine(page, "add_note"), /1 call, last ok in \d+ ms/);
  assert.match(await toolLine(page, "open_link"), /1 call, last invalid_params/);
  const s = await page.evaluate(() => structuredClone(window.__chatkitStandin.errors));
  assert.deepEqual(s, []);
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

before(() => timed("install the fresh tarball", installFreshTarball));
after(() => printDurations("e2e durations"));

// The two passes run side by side: `next dev` starts once the production build is done
// (they use separate dirs, .next and .next/dev), so its compiles overlap the waits of the
// `next start` pass.
let buildDone;
const built = new Promise((resolve) => (buildDone = resolve));

describe("example app", { concurrency: 2 }, () => {
  describe("example app with next start (Turbopack build)", { concurrency: 1 }, () => {
    const bundler = BUNDLERS.turbopack;
    let stack, browser, session, buildOutput;
    const seenTokens = new Set();
    const seenSecrets = new Set();

    before(async () => {
      // E2E_REUSE_BUILD=1 serves an existing .next build (while working on the tests);
      // scripts/test always builds.
      const reuse = process.env.E2E_REUSE_BUILD === "1" && existsSync(path.join(appDir, bundler.distDir, "BUILD_ID"));
      try {
        buildOutput = reuse ? "" : await buildWith(bundler);
      } finally {
        buildDone();
      }
      stack = await timed("start the stand-ins and next start", () => startStack("start"));
      browser = await launch();
      session = await signInApi(stack);
      seenTokens.add(session.token);
    });
    after(async () => {
      await browser?.close().catch(() => {});
      await stack?.stop();
    });

    // The packaging checks on this build (tests/packaging runs them on the webpack build).
    packagingChecks(bundler.name, () => ({ bundler, buildOutput, server: stack.app, browser }));

    test("sign-in works and the custom page shows the user; the home page explains, with no smoke output", async () => {
      const { page, context, log } = await chatPage(browser);
      try {
        await page.goto(stack.url);
        assert.match(await page.locator("h1").textContent(), /ChatKit/);
        const home = await page.locator("main").textContent();
        assert.match(home, /Hosted ChatKit/);
        assert.match(home, /Custom backend/);
        assert.match(home, /glue panel/i);
        assert.equal(await page.locator('[data-testid="timeout-code"]').count(), 0, "smoke-test output on the home page");
        await signInUi(page, stack.url);
        assert.match(await page.locator('[data-testid="signed-in-as"]').textContent(), /demo@example\.com/);
        assert.deepEqual(log.pageErrors, []);
      } finally {
        await context.close();
      }
    });

    test("signed-out, expired, foreign-key and wrong iss/aud JWTs get 401 from every chatkit route (the edge one too) and the Python server", async () => {
      const { token, sub } = session;
      const { expired, foreign, wrongIssuer, wrongAudience } = await badTokens(stack, sub);
      seenTokens.add(expired).add(foreign).add(wrongIssuer).add(wrongAudience);
      const sessionsBefore = stack.sessions().length;
      const mints = (name) => /\/(start|refresh)$/.test(name);
      for (const [name, url] of [
        ["/api/chatkit", `${stack.url}/api/chatkit`],
        ["/api/chatkit/start", `${stack.url}/api/chatkit/start`],
        ["/api/chatkit/refresh", `${stack.url}/api/chatkit/refresh`],
        // createSessionHandlers on Next's Edge runtime (export const runtime = "edge").
        ["/api/edge/chatkit/start", `${stack.url}/api/edge/chatkit/start`],
        ["/api/edge/chatkit/refresh", `${stack.url}/api/edge/chatkit/refresh`],
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
        if (mints(name)) {
          // No session was minted for any of them: resolveUser refused before OpenAI.
          assert.equal(await sessionsSince(stack, routeBefore, 1, 200), 0, `${name}: a refused request reached the sessions endpoint`);
        }
        // The valid token passes (threads.list answers JSON; the hosted routes a secret).
        const ok = await post(url, token, mints(name) ? (name.endsWith("refresh") ? { currentClientSecret: "ek_previous" } : {}) : undefined);
        const body = await ok.text();
        assert.equal(ok.status, 200, `${name} with a valid token: ${ok.status} ${body}`);
        if (mints(name)) {
          const j = JSON.parse(body);
          assert.match(j.client_secret, SECRET_RE);
          assert.equal(j.expires_after, SESSION_SECONDS);
          seenSecrets.add(j.client_secret);
          assert.equal(await sessionsSince(stack, routeBefore, 1), 1, `${name}: one session for the valid token`);
          assert.ok(stack.sessions().at(-1).includes(`user=${sub} `), `${name}: the session is not for the JWT's user`);
        }
      }
      assert.equal(await sessionsSince(stack, sessionsBefore, 4), 4);
    });

    test("custom mode (ChatKit's script loads): echo, client tool round trips, javascript: refused, set_reminder with the server's pydantic schema (six tags refused), bearer token seen by the server", async () => {
      const rec = await chatPage(browser, { session });
      const { page, context, log, consoleAll, authHeaders } = rec;
      try {
        await page.goto(`${stack.url}/custom`);
        await page.locator('[data-testid="script-status"]', { hasText: /^standin$/ }).waitFor({ state: "attached", timeout: 30_000 });
        assert.equal(await page.locator('[data-testid="use-standin"]').count(), 0, "the page offered the stand-in though ChatKit's script loaded");
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

        // set_reminder: its JSON Schema is the server's pydantic model, fetched by the page
        // (GET /client-tools) and validated in the Rust core; the handler applies defaults.
        s = await send(page, "remind water the plants at 2030-05-01T09:00:00Z !high #home #garden every week", 5);
        assert.deepEqual(s.toolCalls[3], {
          name: "set_reminder",
          params: {
            text: "water the plants",
            when: "2030-05-01T09:00:00Z",
            priority: "high",
            tags: ["home", "garden"],
            repeat: { every: "week" },
          },
          result: { scheduled: true, count: 1, priority: "high" },
        });
        assert.equal(s.messages[4], 'Tool set_reminder returned {"count":1,"priority":"high","scheduled":true}');
        await waitText(page, "reminders", /water the plants · high · 2030-05-01T09:00:00Z · every week #home #garden/);
        // Six tags break the schema's maxItems: 5; the typed error goes back to the model,
        // and the handler never ran.
        s = await send(page, "remind pack for the trip #a #b #c #d #e #f", 6);
        assert.deepEqual(s.toolCalls[4].params.tags, ["a", "b", "c", "d", "e", "f"]);
        assert.deepEqual(s.toolCalls[4].result, {
          error: {
            code: "invalid_params",
            message: 'invalid params for tool "set_reminder" at /tags: maxItems: expected at most 5 items',
            retryable: false,
            mayHaveCompleted: false,
          },
        });
        assert.match(s.messages[5], /^Tool set_reminder returned \{"error":\{"code":"invalid_params",.*at \/tags: maxItems: expected at most 5 items/);
        assert.equal(await page.locator('[data-testid="reminder"]').count(), 1, "the refused call set a reminder");

        // The panel: each registered tool with its calls and the last one's outcome.
        assert.deepEqual(await page.locator('[data-testid="tools"] li').evaluateAll((l) => l.map((e) => e.dataset.tool)), [
          "open_link",
          "add_note",
          "set_reminder",
        ]);
        assert.match(await toolLine(page, "open_link"), /2 calls, last invalid_params in \d+ ms/);
        assert.match(await toolLine(page, "add_note"), /1 call, last ok in \d+ ms/);
        assert.match(await toolLine(page, "set_reminder"), /2 calls, last invalid_params in \d+ ms/);
        await assertMetrics(page, 6);
        assert.deepEqual(s.errors, []);
        assert.deepEqual(
          s.requests,
          ["threads.create", "threads.add_user_message", "threads.add_client_tool_output", "threads.add_user_message",
            "threads.add_client_tool_output", "threads.add_user_message", "threads.add_client_tool_output",
            "threads.add_user_message", "threads.add_client_tool_output", "threads.add_user_message",
            "threads.add_client_tool_output"],
        );

        // Every request carried the app's JWT, and the Python server saw exactly those tokens.
        assert.equal(authHeaders.length, 11);
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

    test("offline, hosted mode with the stand-in: a secret from the sessions stand-in, the guard, a refresh before expiry, panel tools", async () => {
      const rec = await chatPage(browser, { script: "abort", session });
      const { page, context, log, consoleAll } = rec;
      try {
        const before = stack.sessions().length;
        await page.goto(`${stack.url}/hosted`);
        await continueWithStandIn(page);
        const { tokens, secrets } = await hostedFlow(stack, page, rec, before);
        for (const t of tokens) seenTokens.add(t);
        for (const x of secrets) seenSecrets.add(x);
        assert.equal(await text(page, "secret-failures"), "0");
        assert.equal(await text(page, "metric-errors"), "0");
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.blocked, [], "requests off 127.0.0.1 other than ChatKit's script");
        await assertAnalytics(page, rec, ["ready", "secret.fetch", "tool.call"], seenTokens, seenSecrets);
        assertNoCredential("browser console", consoleAll.join("\n"), seenTokens, seenSecrets);
        assertNoCredential("the stand-in's view", await page.locator("openai-chatkit").evaluate((e) => e.shadowRoot.textContent), seenTokens, seenSecrets);
      } finally {
        await context.close();
      }
    });

    test('offline, custom mode with the stand-in: "add note hello" typed, the tool call validated, its row ok in the panel, the note listed', async () => {
      const rec = await chatPage(browser, { script: "abort", session });
      const { page, context, log, consoleAll } = rec;
      try {
        // The choice is remembered for the tab: the second page continues with it unasked.
        await page.goto(`${stack.url}/hosted`);
        await continueWithStandIn(page);
        await page.goto(`${stack.url}/custom`);
        await continueWithStandIn(page, { remembered: true });
        assert.match(await text(page, "standin-label"), /ChatKit stand-in.*not OpenAI's ChatKit/);
        const s = await typeInStandIn(page, "add note   hello  ", 1);
        assert.deepEqual(s.toolCalls, [{ name: "add_note", params: { text: "hello" }, result: { added: true, count: 1 } }]);
        assert.equal(s.messages[0], 'Tool add_note returned {"added":true,"count":1}');
        assert.deepEqual(s.errors, []);
        // The stand-in shows the call, its params and its result.
        const card = page.locator('[data-testid="standin-tool-call"]');
        assert.match(await card.textContent(), /add_note.*\{"text":"hello"\}.*\{"added":true,"count":1\}/);
        // The panel: the call's row with the params the handler got, the result and "ok".
        const row = page.locator('[data-testid="tool-call"][data-tool="add_note"][data-outcome="ok"]');
        await row.waitFor({ timeout: 15_000 });
        assert.equal(await row.locator('[data-testid="tool-call-params"]').textContent(), '{"text":"hello"}');
        assert.equal(await row.locator('[data-testid="tool-call-result"]').textContent(), '{"added":true,"count":1}');
        await waitText(page, "notes", /hello/);
        await waitText(page, "metric-tool-calls", /^1$/);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.blocked, [], "requests off 127.0.0.1 other than ChatKit's script");
        await assertAnalytics(page, rec, ["ready", "tool.call", "response.end"], seenTokens, seenSecrets);
        assertNoCredential("browser console (offline)", consoleAll.join("\n"), seenTokens, seenSecrets);
      } finally {
        await context.close();
      }
    });

    test("offline, declining the stand-in: the pages say ChatKit is unavailable and the glue panel still works", async () => {
      const rec = await chatPage(browser, { script: "abort", session });
      const { page, context, log, consoleAll } = rec;
      try {
        for (const path of ["/hosted", "/custom"]) {
          await page.goto(`${stack.url}${path}`);
          const notice = page.locator('[data-testid="chatkit-offline"]');
          await notice.waitFor({ timeout: 30_000 });
          assert.match(await notice.textContent(), /ChatKit is unavailable/);
          assert.equal(await text(page, "script-status"), "failed");
          assert.equal(await page.locator("openai-chatkit").evaluate((e) => e.shadowRoot === null), true, "the stand-in loaded unasked");
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
            await waitText(page, "secret-expiry", /^0:\d\d$/);
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
      await built;
      stack = await timed("start the stand-ins and next dev", () => startStack("dev"));
      browser = await launch();
    });
    after(async () => {
      await browser?.close().catch(() => {});
      await stack?.stop();
    });

    test("both modes under StrictMode: client tool round trips (set_reminder with the server's schema too), one secret then a refresh before expiry, clean options", async () => {
      const rec = await chatPage(browser);
      const { page, context, log, consoleAll, authHeaders } = rec;
      try {
        await timed("next dev: sign in (first compile)", () => signInUi(page, stack.url));
        await page.locator('[data-testid="script-status"]', { hasText: /^standin$/ }).waitFor({ state: "attached", timeout: 60_000 });
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
        // The server's set_reminder is registered in an effect: StrictMode's second run
        // leaves one registration, and the handler fills in pydantic's default priority.
        const r = await send(page, "remind from dev", 2);
        assert.deepEqual(r.toolCalls[1], { name: "set_reminder", params: { text: "from dev" }, result: { scheduled: true, count: 1, priority: "normal" } });
        for (const t of authHeaders.slice(2).map((h) => /^Bearer (.+)$/.exec(h ?? "")?.[1]).filter(Boolean)) tokens.push(t);

        // Hosted mode (a full load: fresh module-scope objects), compiled on first visit.
        const hosted = await timed("next dev: hosted flow (first compile)", async () => {
          const before = stack.sessions().length;
          await page.goto(`${stack.url}/hosted`);
          return hostedFlow(stack, page, rec, before);
        });
        assert.deepEqual(log.pageErrors, []);
        const all = [...tokens, ...hosted.tokens];
        await assertAnalytics(page, rec, ["ready", "secret.fetch", "tool.call"], all, hosted.secrets);
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
});
