// Headless Debian Chromium driven by playwright-core, with every request that is not to
// 127.0.0.1 aborted: tests never touch the internet.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** `extraArgs`: more Chromium switches (the soak adds precise memory figures). */
export async function launch(extraArgs = []) {
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
      ...extraArgs,
    ],
  });
}

/**
 * A page in a fresh context whose requests to any host but 127.0.0.1 are aborted, with
 * its console errors, page errors, requests, responses and blocked requests recorded.
 */
export async function newPage(browser) {
  const context = await browser.newContext();
  const log = { consoleErrors: [], pageErrors: [], requests: [], responses: [], blocked: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    log.blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && log.consoleErrors.push(`${m.text()} @ ${m.location()?.url ?? "?"}`));
  page.on("pageerror", (e) => log.pageErrors.push(String(e?.stack || e)));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("response", (r) =>
    log.responses.push({ url: r.url(), status: r.status(), contentType: r.headers()["content-type"] ?? "" }),
  );
  return { page, context, log };
}
