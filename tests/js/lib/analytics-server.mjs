// A local server for the analytics tests: serves a bundled page, and collects POSTs to
// /collect/<name>, answering each with the next status of that name's plan (204 once the
// plan is used up). Fault injection for the retry/drop policy, and a witness for
// page-hide sends that outlive the page.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

export async function serveAnalytics(dir) {
  const plans = new Map();
  const received = new Map();
  const waiters = [];
  const hits = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    hits.set(url.pathname, (hits.get(url.pathname) || 0) + 1);
    if (url.pathname.startsWith("/collect/")) {
      const name = url.pathname.slice("/collect/".length);
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const raw = Buffer.concat(chunks).toString("utf8");
      const plan = plans.get(name) || [];
      const status = plan.length ? plan.shift() : 204;
      let body = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // Recorded as raw text.
      }
      const list = received.get(name) || [];
      list.push({ status, contentType: req.headers["content-type"], bytes: Buffer.byteLength(raw), raw, body });
      received.set(name, list);
      for (const w of waiters.splice(0)) w();
      const headers = status === 429 || status === 503 ? { "retry-after": "0" } : {};
      res.writeHead(status, headers).end();
      return;
    }
    const path = url.pathname === "/" ? "/index.html" : url.pathname;
    if (path === "/blank") {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>blank</title>");
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Requests whose path ends with `suffix`. */
    count: (suffix) => [...hits].filter(([p]) => p.endsWith(suffix)).reduce((n, [, c]) => n + c, 0),
    /** The statuses the next requests to /collect/<name> get, in order. */
    plan: (name, statuses) => plans.set(name, [...statuses]),
    /** What /collect/<name> received: { status, contentType, bytes, raw, body }[]. */
    received: (name) => received.get(name) || [],
    /** Resolves once /collect/<name> has received `n` requests (rejects after `ms`). */
    waitFor: async (name, n, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while ((received.get(name) || []).length < n) {
        if (Date.now() > deadline) throw new Error(`/collect/${name}: ${(received.get(name) || []).length} of ${n} requests`);
        await new Promise((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
      return received.get(name);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
