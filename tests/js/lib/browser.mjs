// Headless Debian Chromium driven by playwright-core, with every request that is not to
// 127.0.0.1 aborted: tests never touch the internet.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * A fresh page whose requests off 127.0.0.1 are aborted, with its console errors,
 * page errors and requests recorded.
 */
export async function newPage(browser) {
  const context = await browser.newContext();
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], requests: [], responses: [] };
  page.on("console", (m) => m.type() === "error" && log.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("response", (r) => log.responses.push({ url: r.url(), status: r.status() }));
  return { page, context, log };
}
