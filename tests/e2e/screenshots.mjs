// Writes the pictures the README and examples/nextjs/README.md show, from the same stack
// and page helpers as the end-to-end tests (tests/e2e/lib.mjs), offline: the hosted page
// with the stand-in after a secret refresh, the custom page after "add note hello" and two
// set_reminder calls, one refused by the server's pydantic schema (in the system's dark
// mode), and the glue panel. Run by scripts/screenshots.
//
//   node tests/e2e/screenshots.mjs [out dir, default docs/images]
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { launch } from "../js/lib/browser.mjs";
import { repoRoot } from "../packaging/lib.mjs";
import { BUNDLERS, buildWith, installFreshTarball } from "../packaging/nextjs-app.mjs";
import { appDir, chatPage, continueWithStandIn, signInApi, startStack, typeInStandIn, waitText } from "./lib.mjs";

const out = path.resolve(process.argv[2] ?? path.join(repoRoot, "docs", "images"));
mkdirSync(out, { recursive: true });

await installFreshTarball();
if (!existsSync(path.join(appDir, ".next", "BUILD_ID")) || process.env.SCREENSHOTS_REBUILD === "1") {
  await buildWith(BUNDLERS.turbopack);
}
const stack = await startStack("start");
const browser = await launch();
try {
  const session = await signInApi(stack);
  const { page, context } = await chatPage(browser, { script: "abort", session });
  await page.setViewportSize({ width: 1200, height: 760 });

  await page.goto(`${stack.url}/hosted`);
  await continueWithStandIn(page);
  await waitText(page, "secret-refreshes", /^1$/, 30_000);
  await page.waitForTimeout(600); // the countdown's next tick
  await page.screenshot({ path: path.join(out, "hosted.png") });

  await page.goto(`${stack.url}/custom`);
  await continueWithStandIn(page, { remembered: true });
  await typeInStandIn(page, "add note hello", 1);
  await page.locator('[data-testid="tool-call"][data-outcome="ok"]').waitFor();
  // set_reminder, checked against the server's pydantic schema: one call passes, one is refused.
  await typeInStandIn(page, "remind water the plants !high #home #garden every week", 2);
  await page.locator('[data-testid="reminder"]').waitFor();
  await typeInStandIn(page, "remind pack for the trip #a #b #c #d #e #f", 3);
  await page.locator('[data-testid="tool-call"][data-tool="set_reminder"][data-outcome="invalid_params"]').waitFor();
  await waitText(page, "metric-sent", /^[1-9]/, 10_000).catch(() => {});
  await page.locator('[data-testid="glue-panel"]').screenshot({ path: path.join(out, "panel.png") });
  // Dark mode follows the system.
  await page.emulateMedia({ colorScheme: "dark" });
  // The top of the page, with no focus ring on the composer.
  await page.evaluate(() => {
    document.querySelector("openai-chatkit")?.shadowRoot?.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(out, "custom.png") });
  await context.close();
  console.log(`screenshots: wrote hosted.png, custom.png, panel.png to ${path.relative(repoRoot, out) || out}`);
} finally {
  await browser.close().catch(() => {});
  await stack.stop();
}
