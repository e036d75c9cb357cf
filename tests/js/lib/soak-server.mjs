// The soak's backend on 127.0.0.1 (scripts/soak): serves the bundled soak page and, on
// the same origin, every endpoint the page's features talk to, injecting faults at random
// (seeded, so a run can be repeated) and logging every request it serves:
//
//   POST /api/chatkit/start|refresh  client secrets with a short lifetime; faults: 500,
//                                    503, 429 with Retry-After (seconds or an HTTP date),
//                                    a hang (never answers), a dropped connection; 401 and
//                                    403 for one request (the body echoing the app token
//                                    in its hint or code); "signed-out": 401 to every
//                                    secret request for `signedOutMs`; a secret already
//                                    expired (expires_after 0, or expires_at in the past
//                                    with a Date header), once or twice in a row
//   GET  /api/stream                 an SSE stream for the auth fetch: 401 unless the
//                                    Authorization is the current token (which rotates);
//                                    faults: a stall mid-stream, headers never sent, a
//                                    dropped connection mid-stream
//   POST /api/token                  the current token (the page's refreshToken)
//   POST /api/collect                the analytics endpoint; faults: 500, 503, 429 with
//                                    Retry-After, a hang, a dropped connection
//
// Each of the secret faults the checks need to see ("401", "403", "signed-out", the three
// "expired" kinds) is injected once early in the run (every second secret request, in a
// seeded order), then at random like the others. A secret request's `x-soak-seq` header
// (the page numbers them) is logged with it, so the page's records and the log can be
// joined. `calm()` stops injecting faults (the soak drains the analytics queue with it).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

/** A small seeded generator (mulberry32), so a run's faults can be repeated. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key of `weights` ({ kind: weight }) with `rand`. */
function pick(rand, weights) {
  let r = rand() * Object.values(weights).reduce((a, b) => a + b, 0);
  for (const [k, w] of Object.entries(weights)) if ((r -= w) < 0) return k;
  return Object.keys(weights)[0];
}

/** The secret faults by weight (6 in 12 before the auth and expiry faults were added). */
export const SECRET_FAULTS = {
  ok: 8,
  500: 1,
  503: 1,
  "429-seconds": 1,
  "429-date": 1,
  hang: 1,
  drop: 1,
  401: 1,
  403: 1,
  "signed-out": 0.5,
  "expired-zero": 0.5,
  "expired-at": 0.5,
  "expired-twice": 0.5,
};
/** The secret faults injected once early in every run. */
export const FORCED_SECRET_FAULTS = ["401", "403", "signed-out", "expired-zero", "expired-at", "expired-twice"];

/** `forceSecretFaults: false`: the secret faults at random only (the trap phase's tabs). */
export async function soakServer({ dir, seed = 1, secretLifetimeS = 15, tokenRotateMs = 4000, signedOutMs = 2000, forceSecretFaults = true }) {
  const rand = random(seed);
  let calm = false;
  // The forced faults in a seeded order; one every second secret request until none is left.
  const forced = forceSecretFaults ? [...FORCED_SECRET_FAULTS] : [];
  for (let i = forced.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [forced[i], forced[j]] = [forced[j], forced[i]];
  }
  let secretRequests = 0;
  let signedOutUntil = 0;
  let expireNext = false;
  const started = Date.now();
  /** Every API request: { at, path, kind, fault, auth, bytes } (at: ms since start). */
  const log = [];
  const faults = {};
  const issuedSecrets = [];
  const issuedTokens = [];
  /** Analytics events answered 2xx, by id (a count per id: more than 1 is a duplicate). */
  const delivered = new Map();
  const bodies = [];
  const sockets = new Set();
  let tokenSeq = 0;
  let token = null;
  let tokenAt = 0;
  const currentToken = () => {
    if (!token || Date.now() - tokenAt > tokenRotateMs) {
      token = `tok-soak-${++tokenSeq}-${Math.random().toString(36).slice(2, 10)}`;
      tokenAt = Date.now();
      issuedTokens.push(token);
    }
    return token;
  };
  const count = (area, fault) => {
    const key = `${area}:${fault}`;
    faults[key] = (faults[key] || 0) + 1;
  };
  const fault = (area, weights) => {
    const f = calm ? "ok" : pick(rand, weights);
    count(area, f);
    return f;
  };
  const drop = (req, partial) => {
    req.socket.write(partial);
    req.socket.destroy();
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const path = url.pathname;
    if (!path.startsWith("/api/")) return serveStatic(dir, path, res);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString("utf8");
    const entry = { at: Date.now() - started, path, auth: req.headers.authorization ?? null, bytes: raw.length, fault: "ok" };
    if (req.headers["x-soak-seq"]) entry.seq = Number(req.headers["x-soak-seq"]);
    log.push(entry);
    res.sendDate = false;

    if (path === "/api/chatkit/start" || path === "/api/chatkit/refresh") {
      secretRequests++;
      let f;
      if (!calm && Date.now() < signedOutUntil) {
        // Inside a signed-out window: every request is refused (counted apart from the
        // faults drawn).
        f = "401-signed-out";
        count("secrets", f);
      } else if (!calm && expireNext) {
        expireNext = false;
        f = "expired-again";
        count("secrets", f);
      } else if (!calm && forced.length && secretRequests % 2 === 0) {
        f = forced.pop();
        count("secrets", f);
      } else {
        f = fault("secrets", SECRET_FAULTS);
      }
      entry.fault = f;
      const date = new Date().toUTCString();
      if (f === "hang") return;
      if (f === "drop") return drop(req, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{"client');
      if (f === "500" || f === "503") {
        res.writeHead((entry.status = Number(f)), { "content-type": "application/json", date });
        return res.end(JSON.stringify({ error: { code: "busy", message: "try later", retryable: true } }));
      }
      if (f.startsWith("429")) {
        const after = f === "429-seconds" ? "1" : new Date(Date.now() + 2000).toUTCString();
        res.writeHead((entry.status = 429), { "content-type": "application/json", date, "retry-after": after });
        return res.end(JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }));
      }
      if (f === "signed-out") signedOutUntil = Date.now() + signedOutMs;
      if (f === "401" || f === "signed-out" || f === "401-signed-out") {
        // A careless server echoing the app token: the library must not pass it on.
        res.writeHead((entry.status = 401), { "content-type": "application/json", date });
        const error = { code: "unauthorized", message: `app token ${entry.auth} refused`, hint: `sign in again: ${entry.auth} is not valid`, retryable: false };
        return res.end(JSON.stringify({ error }));
      }
      if (f === "403") {
        res.writeHead((entry.status = 403), { "content-type": "application/json", date });
        const error = { code: String(entry.auth).replace(/^Bearer /, ""), message: "forbidden", retryable: false };
        return res.end(JSON.stringify({ error }));
      }
      if (f === "expired-twice") expireNext = true;
      // An already-expired secret is marked `ek_soak_exp_`: the page checks none is handed out.
      const expired = f.startsWith("expired");
      const client_secret = `ek_soak_${expired ? "exp_" : ""}${issuedSecrets.length + 1}_${Math.random().toString(36).slice(2, 12)}`;
      issuedSecrets.push(client_secret);
      res.writeHead((entry.status = 200), { "content-type": "application/json", date });
      if (f === "expired-at") {
        // No expires_after: expires_at (30 s ago on the server's clock, which the Date header gives).
        return res.end(JSON.stringify({ client_secret, expires_at: Math.floor(Date.now() / 1000) - 30 }));
      }
      return res.end(JSON.stringify({ client_secret, expires_after: expired ? 0 : secretLifetimeS }));
    }

    if (path === "/api/token") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ token: currentToken() }));
    }

    if (path === "/api/stream") {
      if (entry.auth !== `Bearer ${currentToken()}`) {
        entry.fault = "401";
        count("stream", "401");
        res.writeHead(401, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: "stale token" }));
      }
      const f = (entry.fault = fault("stream", { ok: 8, stall: 1, "no-headers": 1, drop: 1 }));
      if (f === "no-headers") return;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      const n = 5;
      for (let i = 0; i < n; i++) {
        if (res.destroyed) return;
        if (i === 2 && f === "stall") return res.write(`data: ${i}\n\n`); // then nothing more
        if (i === 3 && f === "drop") return req.socket.destroy();
        res.write(`data: ${i}\n\n`);
        await new Promise((r) => setTimeout(r, 30));
      }
      return res.end("data: done\n\n");
    }

    if (path === "/api/collect") {
      let events = [];
      try {
        events = JSON.parse(raw).events || [];
      } catch {}
      bodies.push(raw);
      const f = (entry.fault = fault("analytics", { ok: 15, 500: 1, 503: 1, "429-seconds": 1, hang: 1, drop: 1 }));
      if (f === "hang") return;
      // Cut before any byte of an answer (a partial one could read as a response).
      if (f === "drop") return req.socket.destroy();
      if (f === "ok") {
        for (const e of events) delivered.set(e.id, (delivered.get(e.id) || 0) + 1);
        return res.writeHead(204).end();
      }
      const headers = f === "429-seconds" ? { "retry-after": "1" } : {};
      return res.writeHead(f === "429-seconds" ? 429 : Number(f), headers).end();
    }
    res.writeHead(404).end();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Epoch ms of the start: a log entry's `at` counts from it. */
    started,
    log,
    faults,
    issuedSecrets,
    issuedTokens,
    delivered,
    bodies,
    calm: () => (calm = true),
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function serveStatic(dir, path, res) {
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
