// A fault-injecting secret server on 127.0.0.1 for ClientSecretSource tests: POST
// /api/chatkit/start and /api/chatkit/refresh answer what the test scripted (status,
// JSON or raw text, headers, a hang, a dropped connection), else a fresh secret. It can
// also serve a bundled test page from the same origin (so Date and Retry-After are
// readable without CORS), and adapt web-standard route handlers for Node tests.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

/**
 * `dir`: a bundled page to serve. Returns `{ url, requests, issued, script(...answers),
 * reset(), close() }`. `requests`: `{ path, headers, body }` of every API request.
 * `issued`: every secret the server handed out. An answer: `{ status?, json?, text?,
 * headers?, hang?, drop?, clockOffsetMs? }`, or a function of the request's JSON body
 * returning one; `secret(extra)` builds a fresh secret answer.
 */
export async function startSecretServer({ dir } = {}) {
  let answers = [];
  let n = 0;
  const requests = [];
  const issued = [];
  const sockets = new Set();
  const api = {
    /** A fresh secret answer: `{ client_secret, expires_after: 600, ...extra }`. */
    secret(extra = {}) {
      const client_secret = `ek_test_${++n}_${Math.random().toString(36).slice(2)}`;
      issued.push(client_secret);
      return { json: { client_secret, expires_after: 600, ...extra } };
    },
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    if (!path.startsWith("/api/")) {
      if (!dir) return res.writeHead(404).end();
      const file = normalize(join(dir, path === "/" ? "index.html" : path));
      if (!file.startsWith(dir)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
        return res.end(body);
      } catch {
        return res.writeHead(404).end();
      }
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body = raw;
    try {
      body = JSON.parse(raw);
    } catch {}
    requests.push({ path, headers: req.headers, body });
    let a = answers.shift();
    if (typeof a === "function") a = a(body, req);
    if (a === undefined) a = api.secret();
    if (a.drop) {
      // Cut mid-answer: a connection dropped before any byte may be retried by the
      // browser on its own (a reused keep-alive socket), which would hide the failure.
      req.socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{"client');
      return req.socket.destroy();
    }
    if (a.hang) return;
    res.sendDate = false;
    res.writeHead(a.status ?? 200, {
      "content-type": a.text !== undefined ? "text/html; charset=utf-8" : "application/json",
      date: new Date(Date.now() + (a.clockOffsetMs ?? 0)).toUTCString(),
      ...a.headers,
    });
    res.end(a.text !== undefined ? a.text : JSON.stringify(a.json ?? {}));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(api, {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    issued,
    /** Queues answers for the next API requests, in order. */
    script: (...list) => answers.push(...list),
    reset() {
      answers = [];
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}

/**
 * Serves web-standard `(Request) => Promise<Response>` handlers on 127.0.0.1, the way
 * Next.js calls route handlers: `routes` maps a path to a handler. Returns `{ url, close }`.
 */
export async function serveRoutes(routes) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const url = `http://127.0.0.1:${server.address().port}${req.url}`;
    const path = new URL(url).pathname;
    const handler = Object.entries(routes).find(([prefix]) => path === prefix || path.startsWith(prefix + "/"))?.[1];
    if (!handler) return res.writeHead(404).end();
    const request = new Request(url, {
      method: req.method,
      headers: req.headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
