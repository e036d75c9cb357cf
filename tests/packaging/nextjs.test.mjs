// Packaging test: the packed chatkit-glue tarball inside the Next.js 16 App Router example
// (examples/nextjs), installed with `npm install --no-save`, built with webpack (into
// .next-webpack), served by `next start`, driven by Chromium through playwright-core.
// The same checks run on the Turbopack build that tests/e2e builds and serves (one build
// for both); scripts/test runs the two files side by side.
//
//   node --test tests/packaging/
//
// Env: CHATKIT_GLUE_TGZ (default <repo>/target/npm/chatkit-glue.tgz),
//      CHATKIT_GLUE_PKG_DIR (default <repo>/pkg; its chatkit_glue_*_bg.wasm must match the
//      installed one), CHROMIUM_PATH (default /usr/bin/chromium).
import { after, before, describe } from "node:test";
import { freePort, launchBrowser, printDurations, recordDuration, startServer, timed } from "./lib.mjs";
import { BUNDLERS, appDir, buildWith, distEnv, installFreshTarball, nextBin, packagingChecks } from "./nextjs-app.mjs";

const bundler = BUNDLERS.webpack;

describe("Next.js 16 example with the packed chatkit-glue tarball (webpack)", { concurrency: 1 }, () => {
  const served = { bundler, buildOutput: "", server: null, browser: null };
  let passStart;

  before(async () => {
    passStart = performance.now();
    await installFreshTarball();
    // The Turbopack build (tests/e2e) type-checks the same sources.
    served.buildOutput = await buildWith(bundler, { typeCheck: false });
    const port = await freePort();
    served.server = await timed(`${bundler.name}: next start (until it answers)`, () =>
      startServer(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
        cwd: appDir,
        env: {
          NEXT_TELEMETRY_DISABLED: "1",
          ...distEnv(bundler),
          // The session handlers' configuration (the edge route check): a placeholder key
          // and an upstream that is never called (requests without a JWT get 401 first).
          OPENAI_API_KEY: "standin-api-key",
          CHATKIT_WORKFLOW_ID: "wf_packaging",
          OPENAI_API_BASE_URL: "http://127.0.0.1:9",
          BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
        },
        url: `http://127.0.0.1:${port}`,
      }),
    );
    served.browser = await timed(`${bundler.name}: launch chromium`, () => launchBrowser());
  });

  after(async () => {
    await served.browser?.close().catch(() => {});
    await served.server?.stop(); // throws if any process of the group survives
    if (passStart !== undefined) recordDuration(`${bundler.name}: full pass`, performance.now() - passStart);
    printDurations("nextjs packaging test durations");
  });

  packagingChecks(bundler.name, () => served);
});
