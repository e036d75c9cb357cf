#!/usr/bin/env node
// A local stand-in for OpenAI's `POST /v1/chatkit/sessions`, for tests and for the demo
// when no OPENAI_API_KEY is set. Node built-ins only; listens on 127.0.0.1.
//
// It checks what the real endpoint checks (the Bearer key, `OpenAI-Beta:
// chatkit_beta=v1`, a JSON body with `user` and `workflow.id`, `expires_after.seconds`
// from 1 to 600) and answers a session object shaped like OpenAI's, with a
// `client_secret` that is not a real credential. Faults can be queued for tests.
//
//   node tools/sessions-standin/server.mjs --port 8787 [--api-key KEY] [--clock-offset-ms N] [--quiet]
//   (it logs one line per request unless --quiet: never the key or a client secret)
//   import { startStandin } from "./tools/sessions-standin/server.mjs";
//   const standin = await startStandin({ port: 0 });   // standin.url, .requests, .fault(), .close()
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

/** The key the stand-in accepts unless told otherwise. */
export const STANDIN_API_KEY = "standin-api-key";

const error = (message, type, code) => ({ error: { message, type, param: null, code: code ?? null } });

/**
 * Starts the stand-in. Options: `port` (0 picks a free one), `apiKey`, `clockOffsetMs`
 * (a server clock that is off: `expires_at` and `Date` both move). Returns
 * `{ url, port, requests, fault(f), close() }`; `requests` records every request as
 * `{ method, path, headers, body }` (body parsed when JSON). `fault(f)` queues one
 * answer for the next request: `{ status, json?, text?, headers?, hang?, drop? }`.
 * `log(line)`, when given, gets one line per answered request: method, path, status, and
 * the session's user and workflow; never the key or the client secret.
 */
export async function startStandin({ port = 0, apiKey = STANDIN_API_KEY, clockOffsetMs = 0, log = null } = {}) {
  const requests = [];
  const faults = [];
  const sockets = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = raw;
      try {
        body = JSON.parse(raw);
      } catch {}
      requests.push({ method: req.method, path: req.url, headers: req.headers, body });
      const now = Date.now() + clockOffsetMs;
      const send = (status, json, headers = {}) => {
        if (log) {
          const b = body && typeof body === "object" ? body : {};
          const who = typeof b.user === "string" ? ` user=${b.user.slice(0, 64)}` : "";
          const wf = typeof b.workflow?.id === "string" ? ` workflow=${b.workflow.id.slice(0, 64)}` : "";
          log(`sessions stand-in: ${req.method} ${req.url.split("?")[0]} -> ${status}${who}${wf}`);
        }
        res.sendDate = false;
        res.writeHead(status, { "content-type": "application/json", date: new Date(now).toUTCString(), ...headers });
        res.end(typeof json === "string" ? json : JSON.stringify(json));
      };
      const fault = faults.shift();
      if (fault) {
        if (fault.drop) return req.socket.destroy();
        if (fault.hang) return;
        return send(fault.status ?? 500, fault.text ?? fault.json ?? error("The server had an error", "server_error"), fault.headers);
      }
      if (req.method !== "POST" || req.url.split("?")[0] !== "/v1/chatkit/sessions") {
        return send(404, error(`Invalid URL (${req.method} ${req.url})`, "invalid_request_error"));
      }
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        return send(401, error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
      }
      if (req.headers["openai-beta"] !== "chatkit_beta=v1") {
        return send(400, error("The ChatKit API requires the header OpenAI-Beta: chatkit_beta=v1.", "invalid_request_error"));
      }
      const b = body && typeof body === "object" ? body : {};
      if (typeof b.user !== "string" || !b.user) return send(400, error("Missing required parameter: 'user'.", "invalid_request_error"));
      const workflow = b.workflow?.id;
      if (typeof workflow !== "string" || !workflow) return send(400, error("Missing required parameter: 'workflow.id'.", "invalid_request_error"));
      if (!workflow.startsWith("wf_")) return send(404, error(`Workflow with id '${workflow}' not found.`, "invalid_request_error"));
      const seconds = b.expires_after?.seconds ?? 600;
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
        return send(400, error("Invalid 'expires_after.seconds': expected an integer from 1 to 600.", "invalid_request_error"));
      }
      const rpm = b.rate_limits?.max_requests_per_1_minute ?? 10;
      send(200, {
        id: `cksess_${randomBytes(12).toString("hex")}`,
        object: "chatkit.session",
        client_secret: `ek_standin_${randomBytes(16).toString("hex")}`,
        expires_at: Math.floor(now / 1000) + seconds,
        max_requests_per_1_minute: rpm,
        rate_limits: { max_requests_per_1_minute: rpm },
        status: "active",
        user: b.user,
        workflow: { id: workflow, version: null, state_variables: null, tracing: { enabled: true } },
        chatkit_configuration: {
          automatic_thread_titling: { enabled: true },
          file_upload: { enabled: b.chatkit_configuration?.file_upload?.enabled === true, max_file_size: 512, max_files: 10 },
          history: { enabled: true, recent_threads: null },
        },
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    fault: (f) => faults.push(f),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const standin = await startStandin({
    port: Number(arg("--port") ?? 8787),
    apiKey: arg("--api-key") ?? process.env.STANDIN_API_KEY ?? STANDIN_API_KEY,
    clockOffsetMs: Number(arg("--clock-offset-ms") ?? 0),
    log: process.argv.includes("--quiet") ? null : (line) => console.log(line),
  });
  console.log(`sessions stand-in listening on ${standin.url} (POST /v1/chatkit/sessions)`);
  const stop = () => standin.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
