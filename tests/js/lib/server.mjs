// A static server on 127.0.0.1 for the bundled test pages, with switches for the failure
// cases a deployment meets: a CSP without 'wasm-unsafe-eval', a .wasm answering 404.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/**
 * Serves `dir`. `options.csp` sets a Content-Security-Policy header on HTML;
 * `options.wasmStatus` answers every .wasm request with that status;
 * `options.wasmDelayMs` holds every .wasm answer back that long;
 * `options.wasmType` sends .wasm files with that Content-Type; `options.wasmBody`
 * answers every .wasm request with those bytes.
 * Returns { url, close, count(pathSuffix), events }: `events` lists "request PATH" and
 * "answer PATH" in the order they happened.
 */
export async function serve(dir, options = {}) {
  const hits = new Map();
  const events = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    hits.set(path, (hits.get(path) || 0) + 1);
    events.push(`request ${path}`);
    res.on("finish", () => events.push(`answer ${path}`));
    if (path.endsWith(".wasm") && options.wasmDelayMs) await new Promise((r) => setTimeout(r, options.wasmDelayMs));
    if (path.endsWith(".wasm") && options.wasmBody) {
      res.writeHead(200, { "content-type": "application/wasm", "cache-control": "no-store" });
      res.end(options.wasmBody);
      return;
    }
    if (path.endsWith(".wasm") && options.wasmStatus) {
      res.writeHead(options.wasmStatus, { "content-type": "text/plain" });
      res.end("not here");
      return;
    }
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      if (options.wasmType && extname(file) === ".wasm") headers["content-type"] = options.wasmType;
      if (options.csp && extname(file) === ".html") headers["content-security-policy"] = options.csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    count: (suffix) => [...hits].filter(([p]) => p.endsWith(suffix)).reduce((n, [, c]) => n + c, 0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
