// A backend on 127.0.0.1 for the createAuthFetch tests: it echoes what it received
// (Authorization, headers, body), rejects stale tokens with 401, mints new ones on
// /api/refresh, streams SSE it finishes on demand, stalls, withholds headers and
// redirects. With `dir` it also serves the bundled test page (same origin); a second
// instance on another port is the "other origin", with CORS for the page.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

export async function authServer({ dir } = {}) {
  const state = {
    valid: "tok-1",
    refreshes: 0,
    /** Every API request: { path, method, auth, xTest, contentType, body } */
    log: [],
    sse: null,
  };
  const sockets = new Set();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const path = url.pathname;
    const cors = {
      "access-control-allow-origin": req.headers.origin || "*",
      "access-control-allow-headers": "authorization, content-type, x-test",
      "access-control-allow-methods": "GET, POST, PUT",
      "access-control-expose-headers": "x-auth-seen",
      vary: "origin",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    if (!path.startsWith("/api/")) return serveStatic(dir, path, res);

    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString("utf8");
    const entry = {
      path,
      method: req.method,
      auth: req.headers.authorization ?? null,
      xTest: req.headers["x-test"] ?? null,
      contentType: req.headers["content-type"] ?? null,
      body,
    };
    state.log.push(entry);
    const json = (status, value, extra = {}) => {
      res.writeHead(status, { ...cors, "content-type": "application/json", ...extra });
      res.end(JSON.stringify(value));
    };

    switch (path) {
      case "/api/echo":
        return json(200, entry, { "x-auth-seen": entry.auth ? "yes" : "no" });
      case "/api/protected":
        if (entry.auth !== `Bearer ${state.valid}`) return json(401, { error: "stale token" });
        return json(200, entry);
      case "/api/refresh":
        state.refreshes += 1;
        state.valid = `tok-${state.refreshes + 1}`;
        // A little later, so concurrent 401s find the refresh still in flight.
        setTimeout(() => json(200, { token: state.valid }), 30);
        return;
      case "/api/sse":
        res.writeHead(200, { ...cors, "content-type": "text/event-stream", "cache-control": "no-store" });
        res.write("data: one\n\n");
        state.sse = { finished: false, finish: () => { state.sse.finished = true; res.end("data: two\n\n"); } };
        return;
      case "/api/stall":
        res.writeHead(200, { ...cors, "content-type": "text/event-stream" });
        res.write("data: first\n\n");
        return; // never another byte
      case "/api/slow-headers":
      case "/api/hang":
        return; // never answers
      case "/api/redirect":
        res.writeHead(302, { ...cors, location: url.searchParams.get("to") });
        res.end();
        return;
      case "/api/cookie":
        res.writeHead(200, { ...cors, "content-type": "text/plain", "set-cookie": "a=1; Path=/" });
        res.end("ok");
        return;
      default:
        return json(404, { error: "no such route" });
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    /** Forgets what happened and makes `valid` the accepted token. */
    reset(valid = "tok-1") {
      state.valid = valid;
      state.refreshes = 0;
      state.log.length = 0;
      state.sse = null;
    },
    requests: (path) => state.log.filter((e) => e.path === path),
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function serveStatic(dir, path, res) {
  if (!dir) return res.writeHead(404).end();
  const file = normalize(join(dir, path === "/" ? "index.html" : path));
  if (!file.startsWith(dir)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}
