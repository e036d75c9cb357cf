// Packaging test: the packed chatkit-glue tarball inside the Next.js 16 App Router example
// (examples/nextjs), built with Turbopack and with webpack, served by `next start`, driven
// by Chromium through playwright-core.
//
//   node --test tests/packaging/
//
// Env: CHATKIT_GLUE_TGZ (default <repo>/target/npm/chatkit-glue.tgz),
//      CHATKIT_GLUE_PKG_DIR (default <repo>/pkg; its chatkit_glue_*_bg.wasm must match the
//      installed one), CHROMIUM_PATH (default /usr/bin/chromium).

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import {
  freePort,
  launchBrowser,
  openIsolatedPage,
  pkgDir,
  printDurations,
  recordDuration,
  repoRoot,
  requireTarball,
  run,
  sha256,
  sha256File,
  startServer,
  timed,
} from "./lib.mjs";

const appDir = path.join(repoRoot, "examples", "nextjs");
const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
const installedDir = path.join(appDir, "node_modules", "chatkit-glue");
const env = { NEXT_TELEMETRY_DISABLED: "1" };

const BUNDLERS = [
  { name: "turbopack", buildArgs: ["build"] },
  { name: "webpack", buildArgs: ["build", "--webpack"] },
];

// Lines of build/server output that are errors mentioning the wasm module.
function wasmErrorLines(output) {
  return output
    .split("\n")
    .filter((l) => /wasm/i.test(l) && /(error|⨯|enoent|failed|cannot|can't|unable)/i.test(l));
}
function wasmMentions(output) {
  return output.split("\n").filter((l) => /wasm/i.test(l));
}

describe("Next.js 16 example with the packed chatkit-glue tarball", { concurrency: 1 }, () => {
  after(() => printDurations("nextjs packaging test durations"));

  // Once per test run: third-party packages from the lockfile, then the fresh tarball.
  before(async () => {
    const tgz = requireTarball();
    console.log(`tarball: ${tgz}`);

    // chatkit-glue is installed from the fresh tarball with --no-save: a manifest or
    // lockfile entry would pin an old tarball's integrity.
    const pkgJson = readFileSync(path.join(appDir, "package.json"), "utf8");
    const lock = readFileSync(path.join(appDir, "package-lock.json"), "utf8");
    const manifest = JSON.parse(pkgJson);
    for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
      assert.ok(!(manifest[field] ?? {})["chatkit-glue"], `examples/nextjs/package.json lists chatkit-glue in ${field}`);
    }
    const lockPaths = Object.keys(JSON.parse(lock).packages ?? {});
    assert.deepEqual(
      lockPaths.filter((p) => /(^|\/)chatkit-glue$/.test(p)),
      [],
      "examples/nextjs/package-lock.json pins chatkit-glue",
    );

    // scripts/setup already ran `npm ci` here and left a stamp of the lockfile it
    // installed; run it again only when that does not match (a standalone run).
    const stamp = path.join(appDir, "node_modules", ".setup-stamp");
    const lockSum = sha256(Buffer.from(lock));
    if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== lockSum) {
      await timed("npm ci", () => run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: appDir, env }));
      writeFileSync(stamp, lockSum + "\n");
    }
    await timed("npm install --no-save <tgz>", () =>
      run("npm", ["install", "--no-save", "--no-audit", "--no-fund", tgz], { cwd: appDir, env }),
    );

    assert.equal(readFileSync(path.join(appDir, "package.json"), "utf8"), pkgJson, "package.json was modified");
    assert.equal(readFileSync(path.join(appDir, "package-lock.json"), "utf8"), lock, "package-lock.json was modified");

    // The installed build must be the fresh one: every module, and its copy inlined (base64)
    // for the Node entry.
    const modules = readdirSync(pkgDir()).filter((f) => /^chatkit_glue_\w+_bg\.wasm$/.test(f));
    assert.ok(modules.length > 0, `no chatkit_glue_*_bg.wasm in ${pkgDir()}`);
    let installed = "";
    for (const file of modules) {
      const expected = sha256File(path.join(pkgDir(), file));
      const installedWasm = path.join(installedDir, file);
      installed += sha256File(installedWasm);
      assert.equal(sha256File(installedWasm), expected, `installed ${installedWasm} is not the fresh build in ${pkgDir()}`);
      const inline = path.join(installedDir, file.replace(/_bg\.wasm$/, "_inline.js"));
      const { default: b64 } = await import(pathToFileURL(inline).href);
      assert.equal(sha256(Buffer.from(b64, "base64")), expected, `${inline} is not the fresh build`);
    }
    const version = JSON.parse(readFileSync(path.join(installedDir, "package.json"), "utf8")).version;
    console.log(`installed chatkit-glue ${version}, wasm sha256 ${installed.slice(0, 16)}…`);
  });

  for (const bundler of BUNDLERS) {
    describe(bundler.name, { concurrency: 1 }, () => {
      let passStart;
      let buildOutput = "";
      let server;
      let browser;

      before(async () => {
        passStart = performance.now();
        rmSync(path.join(appDir, ".next"), { recursive: true, force: true });
        buildOutput = await timed(`${bundler.name}: next ${bundler.buildArgs.join(" ")}`, () =>
          run(process.execPath, [nextBin, ...bundler.buildArgs], { cwd: appDir, env }),
        );
        for (const line of wasmMentions(buildOutput)) console.log(`[${bundler.name} build mentions wasm] ${line}`);
        const port = await freePort();
        server = await timed(`${bundler.name}: next start (until it answers)`, () =>
          startServer(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
            cwd: appDir,
            env,
            url: `http://127.0.0.1:${port}`,
          }),
        );
        browser = await timed(`${bundler.name}: launch chromium`, () => launchBrowser());
      });

      after(async () => {
        await browser?.close().catch(() => {});
        if (server) {
          const out = server.output();
          await server.stop(); // throws if any process of the group survives
          for (const line of wasmMentions(out)) console.log(`[${bundler.name} server mentions wasm] ${line}`);
        }
        if (passStart !== undefined) recordDuration(`${bundler.name}: full pass`, performance.now() - passStart);
      });

      test("the build printed no error mentioning wasm", () => {
        assert.deepEqual(wasmErrorLines(buildOutput), []);
      });

      test("the prerendered HTML did not run chatkit-glue", async () => {
        // The client component only calls the package in an effect, so the server's
        // prerender shows the placeholders.
        const res = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(15_000) });
        const html = await res.text();
        assert.equal(res.status, 200);
        for (const id of ["timeout-code", "is-glue", "timeout-message", "resolved"]) {
          assert.match(html, new RegExp(`data-testid="${id}"[^>]*>pending<`), `${id} is not "pending" in the prerendered HTML`);
        }
      });

      test("the page loads the tools module in the browser; withTimeout and a tool call behave", async () => {
        const { context, page, consoleErrors, pageErrors, responses, blocked } = await openIsolatedPage(browser);
        try {
          await timed(`${bundler.name}: browser page checks`, async () => {
            await page.goto(server.url + "/", { waitUntil: "load" });
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
            assert.equal(await text("timeout-code"), "timeout");
            assert.equal(await text("is-glue"), "true");
            assert.equal(await text("resolved"), "ok");
            assert.equal(await text("tool-result"), JSON.stringify({ sum: 3 }), "a client tool ran through the tools module");
            const message = await text("timeout-message");
            console.log(`[${bundler.name}] browser timeout message: ${JSON.stringify(message)}`);
            assert.ok(message && message !== "pending" && message !== "undefined", `bad message ${message}`);
            assert.equal(await page.locator('[data-testid="failure"]').count(), 0);

            const wasm = responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"));
            for (const r of wasm) console.log(`[${bundler.name}] wasm response: ${r.status} ${r.contentType} ${r.url}`);
            assert.ok(
              wasm.some((r) => r.status === 200),
              `no .wasm response with status 200; responses: ${JSON.stringify(responses.map((r) => `${r.status} ${r.url}`))}`,
            );
            assert.ok(
              wasm.some((r) => r.status === 200 && r.contentType.startsWith("application/wasm")),
              `the .wasm was not served as application/wasm (streaming compile needs it): ${JSON.stringify(wasm)}`,
            );
            // Let any late errors (hydration, a second effect run) surface.
            await page.waitForTimeout(200);
            assert.deepEqual(pageErrors, [], "page errors");
            assert.deepEqual(consoleErrors, [], "console errors");
            assert.deepEqual(blocked, [], "requests to hosts other than 127.0.0.1");
          });
        } finally {
          await context.close();
        }
      });

      test("the nodejs route handler runs withTimeout", async () => {
        await timed(`${bundler.name}: route handler`, async () => {
          const res = await fetch(`${server.url}/api/glue`, { signal: AbortSignal.timeout(15_000) });
          const body = await res.text();
          assert.equal(res.status, 200, body);
          const json = JSON.parse(body);
          console.log(`[${bundler.name}] /api/glue: ${body}`);
          assert.equal(json.code, "timeout");
          assert.equal(json.isGlue, true);
          assert.equal(typeof json.message, "string");
          assert.ok(json.message.length > 0);
          assert.equal(json.resolved, "ok");
        });
      });

      test("the server printed no error mentioning wasm", () => {
        assert.deepEqual(wasmErrorLines(server.output()), []);
      });
    });
  }
});
