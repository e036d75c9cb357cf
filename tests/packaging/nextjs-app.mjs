// The example app as the packaging and e2e tests use it: the fresh tarball installed once
// (whichever test file gets there first, under a lock, so the two can run side by side),
// a `next build` per bundler into its own dist dir, and the packaging checks that every
// build must pass (registered by tests/packaging for webpack and by tests/e2e for the
// Turbopack build it serves).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { openIsolatedPage, pkgDir, repoRoot, requireTarball, run, sha256, sha256File, timed } from "./lib.mjs";

export const appDir = path.join(repoRoot, "examples", "nextjs");
export const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
const installedDir = path.join(appDir, "node_modules", "chatkit-glue");
const env = { NEXT_TELEMETRY_DISABLED: "1" };

/** Each bundler's build: its `next build` arguments and its own dist dir. */
export const BUNDLERS = {
  turbopack: { name: "turbopack", buildArgs: ["build"], distDir: ".next" },
  webpack: { name: "webpack", buildArgs: ["build", "--webpack"], distDir: ".next-webpack" },
};

/** The env that points `next build` / `next start` at a bundler's dist dir. */
export const distEnv = (bundler) => ({ NEXT_DIST_DIR: bundler.distDir });

async function withLock(fn) {
  const lock = path.join(appDir, ".install-lock");
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // An install takes seconds; a lock this old was left by a run that was killed.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lock} held for 10 minutes: remove it if no test runs`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Third-party packages from the lockfile (skipped when scripts/setup's stamp matches),
 * then the fresh tarball with `npm install --no-save`, which must leave package.json and
 * package-lock.json alone; skipped when the installed build already is the fresh one.
 * Checks that chatkit-glue is in neither file and that the installed `.wasm` (and the
 * Node entry's inlined copy) is the fresh build. Returns the installed version.
 */
export async function installFreshTarball() {
  const tgz = requireTarball();
  // Every module of the package (one per browser feature), and one fingerprint of them all.
  const modules = readdirSync(pkgDir()).filter((f) => /^chatkit_glue_\w+_bg\.wasm$/.test(f)).sort();
  assert.ok(modules.length > 0, `no chatkit_glue_*_bg.wasm in ${pkgDir()}`);
  const expected = modulesSum(pkgDir());
  const pkgJson = readFileSync(path.join(appDir, "package.json"), "utf8");
  const lock = readFileSync(path.join(appDir, "package-lock.json"), "utf8");
  const manifest = JSON.parse(pkgJson);
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    assert.ok(!(manifest[field] ?? {})["chatkit-glue"], `examples/nextjs/package.json lists chatkit-glue in ${field}`);
  }
  assert.deepEqual(
    Object.keys(JSON.parse(lock).packages ?? {}).filter((p) => /(^|\/)chatkit-glue$/.test(p)),
    [],
    "examples/nextjs/package-lock.json pins chatkit-glue",
  );
  const installedWasm = installedDir;
  await withLock(async () => {
    const stamp = path.join(appDir, "node_modules", ".setup-stamp");
    const lockSum = sha256(Buffer.from(lock));
    if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== lockSum) {
      await timed("npm ci", () => run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: appDir, env }));
      writeFileSync(stamp, lockSum + "\n");
    }
    if (!existsSync(path.join(installedDir, "package.json")) || modulesSum(installedDir) !== expected) {
      await timed("npm install --no-save <tgz>", () =>
        run("npm", ["install", "--no-save", "--no-audit", "--no-fund", tgz], { cwd: appDir, env }),
      );
      assert.equal(readFileSync(path.join(appDir, "package.json"), "utf8"), pkgJson, "package.json was modified");
      assert.equal(readFileSync(path.join(appDir, "package-lock.json"), "utf8"), lock, "package-lock.json was modified");
    }
  });
  assert.equal(modulesSum(installedWasm), expected, `the modules installed in ${installedWasm} are not the fresh build in ${pkgDir()}`);
  // The Node entry carries each module inlined (base64): those must be the fresh build too.
  for (const file of modules) {
    const inline = path.join(installedDir, file.replace(/_bg\.wasm$/, "_inline.js"));
    const { default: b64 } = await import(pathToFileURL(inline).href);
    assert.equal(sha256(Buffer.from(b64, "base64")), sha256File(path.join(pkgDir(), file)), `${inline} is not the fresh build`);
  }
  const version = JSON.parse(readFileSync(path.join(installedDir, "package.json"), "utf8")).version;
  console.log(`installed chatkit-glue ${version} from ${tgz}, wasm sha256 ${expected.slice(0, 16)}…`);
  return version;
}

/** One sha256 over every chatkit_glue_*_bg.wasm in `dir` (sorted by name). */
function modulesSum(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^chatkit_glue_\w+_bg\.wasm$/.test(f)).sort() : [];
  return sha256(Buffer.from(files.map((f) => `${f}:${sha256File(path.join(dir, f))}`).join("\n")));
}

/**
 * `next build` with one bundler; resolves to its output. Next clears the dist dir itself
 * but keeps its build caches (`cache/`, and `dev/` for `next dev`), which make a second
 * run with the same sources much cheaper. webpack's cache treats node_modules as
 * immutable per package version, and every build of chatkit-glue has the same version, so
 * the caches are kept only while the installed `.wasm` is the one they were made with:
 * a new build of the package starts from an empty dist dir.
 * `typeCheck: false` skips Next's TypeScript pass (another build of the same sources
 * checks the types).
 */
export async function buildWith(bundler, { typeCheck = true } = {}) {
  const dist = path.join(appDir, bundler.distDir);
  const marker = path.join(dist, "cache", "chatkit-glue-wasm.sha256");
  const installed = modulesSum(installedDir);
  if (!existsSync(marker) || readFileSync(marker, "utf8").trim() !== installed) {
    rmSync(dist, { recursive: true, force: true });
  }
  const output = await timed(`${bundler.name}: next ${bundler.buildArgs.join(" ")}`, () =>
    run(process.execPath, [nextBin, ...bundler.buildArgs], {
      cwd: appDir,
      env: { ...env, ...distEnv(bundler), ...(typeCheck ? {} : { EXAMPLE_SKIP_TYPECHECK: "1" }) },
    }),
  );
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, installed + "\n");
  return output;
}

// Lines of build/server output that are errors mentioning the wasm module.
export function wasmErrorLines(output) {
  return output.split("\n").filter((l) => /wasm/i.test(l) && /(error|⨯|enoent|failed|cannot|can't|unable)/i.test(l));
}

/**
 * Registers the packaging checks of one build: `get()` resolves to
 * `{ bundler, buildOutput, server, browser }` once the build is served (call it inside
 * the tests, after the suite's `before`).
 */
export function packagingChecks(name, get) {
  test(`${name}: the build printed no error mentioning wasm`, () => {
    assert.deepEqual(wasmErrorLines(get().buildOutput), []);
  });

  test(`${name}: the prerendered HTML did not run chatkit-glue`, async () => {
    // The client component only calls the package in an effect, so the server's
    // prerender shows the placeholders.
    const res = await fetch(`${get().server.url}/smoke`, { signal: AbortSignal.timeout(15_000) });
    const html = await res.text();
    assert.equal(res.status, 200);
    for (const id of ["timeout-code", "is-glue", "timeout-message", "resolved"]) {
      assert.match(html, new RegExp(`data-testid="${id}"[^>]*>pending<`), `${id} is not "pending" in the prerendered HTML`);
    }
  });

  test(`${name}: the page loads the tools module in the browser; withTimeout and a tool call behave`, async () => {
    const { server, browser } = get();
    const { context, page, consoleErrors, pageErrors, responses, blocked } = await openIsolatedPage(browser);
    try {
      await page.goto(server.url + "/smoke", { waitUntil: "load" });
      const text = (id) => page.locator(`[data-testid="${id}"]`).textContent();
      try {
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="timeout-code"]')?.textContent === "timeout" &&
            document.querySelector('[data-testid="resolved"]')?.textContent === "ok" &&
            document.querySelector('[data-testid="tool-result"]')?.textContent !== "pending",
          null,
          { timeout: 20_000 },
        );
      } catch (err) {
        throw new Error(
          `page never showed timeout/ok: timeout-code=${await text("timeout-code")} resolved=${await text("resolved")}\n` +
            `console errors: ${JSON.stringify(consoleErrors)}\npage errors: ${JSON.stringify(pageErrors)}\n${err.message}`,
        );
      }
      assert.equal(await text("is-glue"), "true");
      assert.equal(await text("tool-result"), JSON.stringify({ sum: 3 }), "a client tool ran through the tools module");
      const message = await text("timeout-message");
      assert.ok(message && message !== "pending" && message !== "undefined", `bad message ${message}`);
      assert.equal(await page.locator('[data-testid="failure"]').count(), 0);
      const wasm = responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"));
      assert.ok(
        wasm.some((r) => r.status === 200 && r.contentType.startsWith("application/wasm")),
        `no .wasm served with status 200 as application/wasm (streaming compile needs it): ${JSON.stringify(responses.map((r) => `${r.status} ${r.contentType} ${r.url}`))}`,
      );
      // Let any late errors (hydration, a second effect run) surface.
      await page.waitForTimeout(200);
      assert.deepEqual(pageErrors, [], "page errors");
      assert.deepEqual(consoleErrors, [], "console errors");
      assert.deepEqual(blocked, [], "requests to hosts other than 127.0.0.1");
    } finally {
      await context.close();
    }
  });

  test(`${name}: the nodejs route handler runs withTimeout`, async () => {
    const res = await fetch(`${get().server.url}/api/glue`, { signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    assert.equal(res.status, 200, body);
    const json = JSON.parse(body);
    assert.equal(json.code, "timeout");
    assert.equal(json.isGlue, true);
    assert.ok(typeof json.message === "string" && json.message.length > 0);
    assert.equal(json.resolved, "ok");
  });

  test(`${name}: createSessionHandlers runs in an edge route (runtime = "edge")`, async () => {
    const { bundler, server } = get();
    // Compiled for the Edge runtime: Next lists edge functions in the middleware manifest.
    const manifest = JSON.parse(
      readFileSync(path.join(appDir, bundler.distDir, "server", "middleware-manifest.json"), "utf8"),
    );
    const edge = Object.keys(manifest.functions ?? {});
    assert.ok(
      edge.some((k) => k.includes("/api/edge/chatkit/[action]")),
      `the edge route is not an edge function: ${JSON.stringify(edge)}`,
    );
    // And it answers: no app JWT, so 401 from createSessionHandlers, with no upstream call.
    const res = await fetch(`${server.url}/api/edge/chatkit/start`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(15_000),
    });
    const body = await res.text();
    assert.equal(res.status, 401, body);
    assert.equal(JSON.parse(body).error?.code, "unauthorized", body);
  });

  test(`${name}: the server printed no error mentioning wasm`, () => {
    assert.deepEqual(wasmErrorLines(get().server.output()), []);
  });
}
