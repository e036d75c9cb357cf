// Shared helpers for the packaging tests (node built-ins + playwright-core only).
//
// Every child process started here (npm, next build, next start) runs in its own process
// group and is killed as a group, so no orphaned `next-server` (or build worker) survives
// a passing, failing or interrupted test.

import { newPage } from "../js/lib/browser.mjs";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The packed tarball under test: $CHATKIT_GLUE_TGZ or <repo>/target/npm/chatkit-glue.tgz. */
export function tarballPath() {
  return path.resolve(process.env.CHATKIT_GLUE_TGZ || path.join(repoRoot, "target", "npm", "chatkit-glue.tgz"));
}

/** The wasm-pack output the tarball was built from: $CHATKIT_GLUE_PKG_DIR or <repo>/pkg. */
export function pkgDir() {
  return path.resolve(process.env.CHATKIT_GLUE_PKG_DIR || path.join(repoRoot, "pkg"));
}

export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

export function sha256File(file) {
  return sha256(readFileSync(file));
}

/** Throws a clear error when the tarball is missing; returns its absolute path. */
export function requireTarball() {
  const tgz = tarballPath();
  if (!existsSync(tgz)) {
    throw new Error(
      `chatkit-glue tarball not found at ${tgz}.\n` +
        `Build it first (scripts/build writes target/npm/chatkit-glue.tgz) or point CHATKIT_GLUE_TGZ at one.`,
    );
  }
  return tgz;
}

// ---------------------------------------------------------------------------------------
// Timing

const durations = [];

/** Records (and prints) a duration measured by the caller. */
export function recordDuration(label, ms, ok = true) {
  durations.push({ label, ms, ok });
  console.log(`[time] ${label}: ${(ms / 1000).toFixed(1)} s${ok ? "" : " (failed)"}`);
}

/** Runs fn, prints and records how long it took. */
export async function timed(label, fn) {
  const start = performance.now();
  let ok = false;
  try {
    const result = await fn();
    ok = true;
    return result;
  } finally {
    recordDuration(label, performance.now() - start, ok);
  }
}

/** Prints every duration recorded so far as a table. */
export function printDurations(title = "step durations") {
  if (durations.length === 0) return;
  const width = Math.max(...durations.map((d) => d.label.length));
  console.log(`${title}:`);
  for (const d of durations) {
    console.log(`  ${d.label.padEnd(width)}  ${(d.ms / 1000).toFixed(1).padStart(6)} s${d.ok ? "" : "  (failed)"}`);
  }
}

// ---------------------------------------------------------------------------------------
// Processes

const liveGroups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (err) {
    if (err.code === "ESRCH") return false;
    throw err;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return err.code !== "ESRCH";
  }
}

// Last-resort cleanup if the test process exits or is interrupted with groups running.
process.on("exit", () => {
  for (const pid of liveGroups) killGroup(pid, "SIGKILL");
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, () => {
    for (const pid of liveGroups) killGroup(pid, "SIGKILL");
    process.exit(130);
  });
}

/** Stops a process group: SIGTERM, then SIGKILL after graceMs; resolves once it is gone. */
export async function stopGroup(pid, graceMs = 5000) {
  if (!pid) return;
  killGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pid)) {
    killGroup(pid, "SIGKILL");
    const hardDeadline = Date.now() + 5000;
    while (groupAlive(pid) && Date.now() < hardDeadline) await sleep(50);
  }
  if (groupAlive(pid)) throw new Error(`process group ${pid} survived SIGKILL`);
  liveGroups.delete(pid);
}

function childEnv(extra) {
  const env = { ...process.env, ...extra };
  // node --test marks its children; keep that out of the tools we start.
  delete env.NODE_TEST_CONTEXT;
  return env;
}

function spawnGroup(cmd, args, { cwd, env }) {
  const child = spawn(cmd, args, {
    cwd,
    env: childEnv(env),
    detached: true, // own process group: process.kill(-pid) reaches every descendant
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid) liveGroups.add(child.pid);
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (c) => (output += c));
  child.stderr.setEncoding("utf8").on("data", (c) => (output += c));
  return { child, output: () => output };
}

export function tail(text, lines = 60) {
  return text.split("\n").slice(-lines).join("\n");
}

/**
 * Runs a command to completion in its own process group and resolves to its combined
 * output. Rejects (after killing the whole group) on a non-zero exit or after timeoutMs.
 */
export async function run(cmd, args, { cwd, env, timeoutMs = 10 * 60_000 } = {}) {
  const { child, output } = spawnGroup(cmd, args, { cwd, env });
  let timer;
  try {
    const code = await new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => resolve(code ?? signal));
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    if (code !== 0) throw new Error(`exited with ${code}`);
    return output();
  } catch (err) {
    throw new Error(`\`${[cmd, ...args].join(" ")}\` (in ${cwd}) ${err.message}\n--- output (tail) ---\n${tail(output())}`);
  } finally {
    clearTimeout(timer);
    await stopGroup(child.pid, 2000).catch(() => {}); // leftover workers of the group
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a long-running server in its own process group and waits until `readyPath`
 * answers over HTTP (any status). Resolves to { url, pid, output(), stop() }; stop() kills
 * the whole group and resolves once no process of it is left (it throws otherwise).
 */
export async function startServer(cmd, args, { cwd, env, url, readyPath = "/", timeoutMs = 60_000 }) {
  const { child, output } = spawnGroup(cmd, args, { cwd, env });
  let exited = null;
  child.once("close", (code, signal) => (exited = code ?? signal));
  const server = { url, pid: child.pid, output, stop: () => stopGroup(child.pid) };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      await server.stop().catch(() => {});
      throw new Error(`\`${[cmd, ...args].join(" ")}\` exited with ${exited} before answering\n${tail(output())}`);
    }
    try {
      const res = await fetch(new URL(readyPath, url), { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return server;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await server.stop().catch(() => {});
      throw new Error(`server at ${url} did not answer within ${timeoutMs} ms\n${tail(output())}`);
    }
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------
// Browser: the same headless Chromium and isolated pages as the package's browser tests.

export { launch as launchBrowser } from "../js/lib/browser.mjs";

/** A page whose requests off 127.0.0.1 are aborted, with what it logged. */
export async function openIsolatedPage(browser) {
  const { context, page, log } = await newPage(browser);
  return { context, page, ...log };
}
