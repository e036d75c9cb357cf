// The e2e stack: a fresh data directory (SQLite + secret, migrated and seeded by the
// app's own scripts/db.mjs), the example ChatKit server (Python) and the Next app
// (`next start` or `next dev`), all on 127.0.0.1 and each in its own process group
// (tests/packaging/lib.mjs), plus the browser routes: ChatKit's script URL serves the
// example's ChatKit stand-in (examples/nextjs/public/chatkit-standin.js, as if ChatKit's
// script had loaded) or is aborted (offline: the page then offers the stand-in itself);
// every other off-host request is aborted.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newPage } from "../js/lib/browser.mjs";
import { freePort, repoRoot, run, startServer } from "../packaging/lib.mjs";
import { appDir, nextBin } from "../packaging/nextjs-app.mjs";

export { appDir, nextBin };
export const serverDir = path.join(repoRoot, "examples", "chatkit-server");
export const CHATKIT_SCRIPT_URL = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";
export const STANDIN = readFileSync(path.join(appDir, "public", "chatkit-standin.js"), "utf8");
export const DEMO = { email: "demo@example.com", password: "chatkit-glue-demo" };
export const JWT_RE = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}/;
/** The sessions stand-in's client secrets (OpenAI's are `ek_...` too) and its API key. */
export const SECRET_RE = /ek_[A-Za-z0-9_]{16,}/;
export const STANDIN_API_KEY = "standin-api-key";
/**
 * Session lifetime in the e2e stack, short: the source's refresh margin is then half of
 * it (7.5 s) and the refresh guard's interval its minimum, 5 s.
 */
export const SESSION_SECONDS = 15;
export const GUARD_INTERVAL_MS = Math.max(5_000, SESSION_SECONDS * 100);

export const fingerprint = (token) => createHash("sha256").update(token).digest("hex").slice(0, 12);

/**
 * Starts the sessions stand-in, the Python server and the app (mode "start" or "dev")
 * against a fresh data dir, as scripts/demo does. Resolves to
 * { url, serverUrl, env, app, chatkit, standin, sessions(), stop(), logs() }.
 * `dir`: another copy of the example app to run (benches/nextjs.mjs runs an isolated
 * one); `env`: more variables for the app (a dist dir, say).
 */
export async function startStack(mode, { dir = appDir, env: appEnv = {} } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chatkit-e2e-"));
  const [port, serverPort, standinPort] = [await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const standinUrl = `http://127.0.0.1:${standinPort}`;
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    EXAMPLE_DATA_DIR: dataDir,
    BETTER_AUTH_URL: url,
    CHATKIT_SERVER_URL: `http://127.0.0.1:${serverPort}/chatkit`,
    OPENAI_API_BASE_URL: standinUrl,
    OPENAI_API_KEY: STANDIN_API_KEY,
    CHATKIT_WORKFLOW_ID: "wf_e2e_example",
    CHATKIT_SESSION_SECONDS: String(SESSION_SECONDS),
  };
  await run(process.execPath, ["scripts/db.mjs"], { cwd: dir, env });
  const standin = await startServer(
    process.execPath,
    [path.join(repoRoot, "tools", "sessions-standin", "server.mjs"), "--port", String(standinPort)],
    { cwd: repoRoot, env: {}, url: standinUrl, readyPath: "/health" },
  );
  const chatkit = await startServer(path.join(serverDir, ".venv", "bin", "python"), ["server.py"], {
    cwd: serverDir,
    env: {
      CHATKIT_JWKS_URL: `${url}/api/auth/jwks`,
      CHATKIT_JWT_ISSUER: url,
      HOST: "127.0.0.1",
      PORT: String(serverPort),
      PYTHONUNBUFFERED: "1",
    },
    url: `http://127.0.0.1:${serverPort}`,
    readyPath: "/health",
  }).catch(async (err) => {
    await standin.stop();
    throw err;
  });
  let app;
  try {
    const next = dir === appDir ? nextBin : path.join(dir, "node_modules", "next", "dist", "bin", "next");
    app = await startServer(process.execPath, [next, mode, "-H", "127.0.0.1", "-p", String(port)], {
      cwd: dir,
      env: { ...env, ...appEnv },
      url,
      readyPath: "/api/auth/jwks",
      timeoutMs: mode === "dev" ? 180_000 : 60_000,
    });
  } catch (err) {
    await chatkit.stop();
    await standin.stop();
    throw err;
  }
  return {
    url,
    serverUrl: `http://127.0.0.1:${serverPort}/chatkit`,
    dataDir,
    env,
    app,
    chatkit,
    standin,
    /** Sessions the stand-in minted (its log: one line per request, never a secret). */
    sessions: () => standin.output().split("\n").filter((l) => /POST \/v1\/chatkit\/sessions -> 200 /.test(l)),
    logs: () => ({ app: app.output(), chatkit: chatkit.output(), standin: standin.output() }),
    async stop() {
      await app.stop();
      await chatkit.stop();
      await standin.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Tokens for the 401 tests, made with the app's own code and keys: an expired JWT signed
 * by the app (Better Auth's server-only signJWT), and a current one with the app's `kid`,
 * issuer and audience but signed by a foreign key.
 */
export async function badTokens(stack, sub) {
  const saved = { ...process.env };
  Object.assign(process.env, stack.env);
  try {
    const { authOptions, createAuth } = await import(pathToFileURL(path.join(appDir, "lib", "auth-server.mjs")).href);
    const options = authOptions();
    const auth = createAuth(options);
    const now = Math.floor(Date.now() / 1000);
    const expired = (
      await auth.api.signJWT({
        body: { payload: { sub, iss: stack.url, aud: stack.url, iat: now - 3600, exp: now - 600 } },
      })
    ).token;
    const { keys } = await (await fetch(`${stack.url}/api/auth/jwks`)).json();
    const require = createRequire(path.join(appDir, "package.json"));
    const jose = await import(pathToFileURL(require.resolve("jose")).href);
    const { privateKey } = await jose.generateKeyPair("EdDSA", { crv: "Ed25519" });
    const foreign = await new jose.SignJWT({ sub })
      .setProtectedHeader({ alg: "EdDSA", kid: keys[0].kid, typ: "JWT" })
      .setIssuer(stack.url)
      .setAudience(stack.url)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    // The app's key, but another issuer or audience.
    const sign = async (claims) =>
      (await auth.api.signJWT({ body: { payload: { sub, iss: stack.url, aud: stack.url, ...claims } } })).token;
    const wrongIssuer = await sign({ iss: "http://127.0.0.1:1" });
    const wrongAudience = await sign({ aud: "https://elsewhere.example" });
    options.database.close();
    return { expired, foreign, wrongIssuer, wrongAudience };
  } finally {
    for (const k of Object.keys(stack.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** Signs in through the API and returns { cookie, token, sub }. */
export async function signInApi(stack) {
  const res = await fetch(`${stack.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.url },
    body: JSON.stringify(DEMO),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const tokenRes = await fetch(`${stack.url}/api/auth/token`, { headers: { cookie } });
  const { token } = await tokenRes.json();
  const sub = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).sub;
  return { cookie, token, sub, url: stack.url };
}

/**
 * A page (requests off 127.0.0.1 aborted) whose ChatKit script request gets the stand-in,
 * or is aborted with `script: "abort"`. Records every console message and the
 * Authorization headers sent to /api/chatkit.
 */
export async function chatPage(browser, { script = "standin", session = null } = {}) {
  const { page, context, log } = await newPage(browser);
  if (session) {
    // Signed in already (Better Auth rate-limits sign-ins, so the tests sign in once).
    await context.addCookies(
      session.cookie.split("; ").map((c) => {
        const i = c.indexOf("=");
        return { name: c.slice(0, i), value: c.slice(i + 1), url: session.url };
      }),
    );
  }
  const consoleAll = [];
  const authHeaders = [];
  const sessionRequests = []; // { path, authorization } of /api/chatkit/start and /refresh
  const secrets = []; // client secrets the hosted routes answered
  const analyticsPayloads = []; // request bodies POSTed to /api/analytics
  page.on("console", (m) => consoleAll.push(`${m.type()}: ${m.text()}`));
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p === "/api/chatkit") authHeaders.push(r.headers()["authorization"] ?? null);
    if (p === "/api/chatkit/start" || p === "/api/chatkit/refresh") {
      sessionRequests.push({ path: p, authorization: r.headers()["authorization"] ?? null });
    }
    if (p === "/api/analytics") analyticsPayloads.push(r.postData() ?? "");
  });
  page.on("response", async (r) => {
    const p = new URL(r.url()).pathname;
    if ((p === "/api/chatkit/start" || p === "/api/chatkit/refresh") && r.status() === 200) {
      const body = await r.json().catch(() => null);
      if (typeof body?.client_secret === "string") secrets.push(body.client_secret);
    }
  });
  await page.route(CHATKIT_SCRIPT_URL, (route) =>
    script === "abort"
      ? route.abort("internetdisconnected")
      : route.fulfill({ status: 200, contentType: "text/javascript", body: STANDIN }),
  );
  return { page, context, log, consoleAll, authHeaders, sessionRequests, secrets, analyticsPayloads };
}

/** Signs in through the page's form and waits for the custom-backend page. */
export async function signInUi(page, url) {
  await page.goto(`${url}/sign-in`);
  await page.fill('input[name="email"]', DEMO.email);
  await page.fill('input[name="password"]', DEMO.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${url}/custom`, { timeout: 60_000 });
  await page.locator('[data-testid="signed-in-as"]').waitFor({ timeout: 60_000 });
}

/** Sends a message through the stand-in and waits for the n-th assistant message. */
export async function send(page, text, messageCount) {
  await page.waitForFunction(() => window.__chatkitStandin?.options != null, null, { timeout: 30_000 });
  await page.evaluate((t) => document.querySelector("openai-chatkit").sendUserMessage({ text: t }), text);
  await page.waitForFunction((n) => window.__chatkitStandin.messages.length >= n, messageCount, { timeout: 30_000 });
  return page.evaluate(() => structuredClone({ ...window.__chatkitStandin, element: null, expire: null, options: null }));
}

/** The text of `[data-testid=id]`, and a wait until it matches `re`. */
export const text = (page, id) => page.locator(`[data-testid="${id}"]`).first().textContent();
export const waitText = (page, id, re, timeout = 15_000) =>
  page.waitForFunction(
    ([id, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [id, re.source],
    { timeout },
  );

/**
 * Offline: waits for the page's "ChatKit is unavailable" notice, takes its offer of the
 * stand-in (unless the tab already chose it) and waits until the stand-in is the chat.
 */
export async function continueWithStandIn(page, { remembered = false } = {}) {
  if (!remembered) {
    const offer = page.locator('[data-testid="use-standin"]');
    await offer.waitFor({ timeout: 30_000 });
    await offer.click();
  }
  await page.locator('[data-testid="script-status"]', { hasText: /^standin$/ }).waitFor({ state: "attached", timeout: 30_000 });
  await page.locator('[data-testid="standin-label"]').waitFor({ timeout: 15_000 });
}

/** Types a message into the stand-in's composer and waits for the n-th assistant message. */
export async function typeInStandIn(page, message, messageCount) {
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(message);
  await input.press("Enter");
  await page.waitForFunction((n) => window.__chatkitStandin.messages.length >= n, messageCount, { timeout: 30_000 });
  return page.evaluate(() => structuredClone({ ...window.__chatkitStandin, element: null, expire: null, options: null }));
}
