// createSessionHandlers: web-standard route handlers that mint hosted ChatKit sessions.
// Server-only, so it is plain JavaScript: bundlers drop it from client bundles, while
// anything in the .wasm would ship to every browser.
import { glueError } from "./errors.js";

const KEYS = ["apiKey", "workflowId", "baseUrl", "resolveUser", "expiresAfterSeconds", "maxRequestsPerMinute", "fileUpload", "timeoutMs"];
const NUMBERS = [
  ["expiresAfterSeconds", 600, "an integer from 1 to 600 (OpenAI's range)"],
  ["maxRequestsPerMinute", 1e6, "a positive integer"],
  ["timeoutMs", 2147483647, "an integer number of milliseconds from 1 to 2147483647"],
];
const FAILED = "The session handler failed";
// kind: [status, code, message, hint?, retryable?]
const ANSWERS = {
  unauthenticated: [401, "unauthorized", "Not signed in", "resolveUser returned null: the request carried no valid session or token for the app."],
  resolve_failed: [500, "internal", FAILED],
  bad_user: [500, "internal", FAILED, "resolveUser must return a non-empty string (the user id) or null."],
  not_found: [404, "not_found", "No such session action", "The last path segment must be start or refresh."],
  method: [405, "method_not_allowed", "Use POST"],
  no_api_key: [500, "misconfigured", "The session handler has no API key", "Set OPENAI_API_KEY in the server's environment."],
  no_workflow_id: [500, "misconfigured", "The session handler has no workflow id", "Set CHATKIT_WORKFLOW_ID (wf_..., from Agent Builder) in the server's environment."],
  auth: [502, "upstream_auth", "OpenAI refused the API key", "Check OPENAI_API_KEY: a key of the project that owns the workflow."],
  rejected: [502, "upstream_rejected", "OpenAI rejected the session request", "Check CHATKIT_WORKFLOW_ID (wf_...), that the workflow is published, and that it belongs to the API key's project."],
  rate_limited: [429, "rate_limited", "OpenAI is rate limiting session creation", , true],
  timeout: [504, "upstream_timeout", "OpenAI did not answer in time", , true],
  unreachable: [502, "upstream_unreachable", "OpenAI could not be reached", , true],
  error: [502, "upstream_error", "OpenAI failed to create a session", , true],
  bad_response: [502, "upstream_bad_response", "OpenAI answered without a usable client_secret", , true],
};

const invalid = (message) => glueError("invalid_config", `createSessionHandlers: ${message}`);

function json(status, body, headers) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

function fail(kind, headers) {
  const [status, code, message, hint, retryable = false] = ANSWERS[kind];
  return json(status, { error: { code, message, ...(hint && { hint }), retryable } }, headers);
}

function check(options) {
  if (!options || typeof options !== "object") throw invalid("options must be an object");
  for (const key of Object.keys(options)) if (!KEYS.includes(key)) throw invalid(`unknown option ${key}`);
  const { apiKey, workflowId, resolveUser, fileUpload, baseUrl = "" } = options;
  for (const [key, v] of [["apiKey", apiKey], ["workflowId", workflowId], ["baseUrl", baseUrl]]) {
    if (v !== undefined && typeof v !== "string") throw invalid(`${key} must be a string`);
  }
  if (typeof resolveUser !== "function") throw invalid("resolveUser must be a function (request) => user id | null");
  if (fileUpload !== undefined && typeof fileUpload !== "boolean") throw invalid("fileUpload must be a boolean");
  for (const [key, max, what] of NUMBERS) {
    const v = options[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1 && v <= max)) throw invalid(`${key} must be ${what}`);
  }
  const base = baseUrl.trim() || "https://api.openai.com";
  if (!/^https?:\/\/[^/]/i.test(base)) throw invalid("baseUrl must be an http(s) URL");
  return {
    url: `${base.replace(/\/+$/, "").replace(/\/v1$/, "")}/v1/chatkit/sessions`,
    // Unset variables are answered per request (500 misconfigured), not thrown: Next.js
    // imports route modules at build time, often without the server's secrets.
    missing: !apiKey?.trim() ? "no_api_key" : !workflowId?.trim() ? "no_workflow_id" : null,
  };
}

/** The answer to OpenAI's answer: `{ client_secret, expires_at, expires_after }` or an error. */
function answer(res, text) {
  const s = res.status;
  if (s >= 200 && s < 300) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {}
    const secret = data?.client_secret;
    const at = data?.expires_at;
    if (typeof secret !== "string" || !secret || !(at > 0 && at < 1e11)) return fail("bad_response");
    // Seconds remaining on OpenAI's clock (its Date header), so this server's clock
    // cannot skew it.
    const date = Date.parse(res.headers.get("date") ?? "");
    const now = Number.isNaN(date) ? Date.now() : date;
    return json(200, { client_secret: secret, expires_at: Math.floor(at), expires_after: Math.max(0, Math.floor(at - now / 1000)) });
  }
  if (s === 401 || s === 403) return fail("auth");
  if (s === 408) return fail("timeout");
  if (s === 429) {
    const after = res.headers.get("retry-after");
    return fail("rate_limited", after && /^[\w ,:-]{1,40}$/.test(after) ? { "retry-after": after } : undefined);
  }
  return fail(s >= 400 && s < 500 ? "rejected" : "error");
}

/** Route handlers that mint ChatKit sessions; see index.d.ts. */
export function createSessionHandlers(options) {
  const c = check(options);
  const { apiKey, workflowId, resolveUser, expiresAfterSeconds: seconds, maxRequestsPerMinute: rpm, fileUpload, timeoutMs = 10_000 } = options;

  async function handle(request, action) {
    if (request.method !== "POST") return fail("method", { allow: "POST" });
    action ??= new URL(request.url).pathname.split("/").filter(Boolean).pop();
    if (action !== "start" && action !== "refresh") return fail("not_found");
    if (c.missing) return fail(c.missing);
    let user;
    try {
      user = await resolveUser(request);
    } catch {
      return fail("resolve_failed");
    }
    if (user == null) return fail("unauthenticated");
    if (typeof user !== "string" || !user) return fail("bad_user");

    const body = {
      user,
      workflow: { id: workflowId },
      ...(seconds && { expires_after: { anchor: "created_at", seconds } }),
      ...(rpm && { rate_limits: { max_requests_per_1_minute: rpm } }),
      ...(fileUpload && { chatkit_configuration: { file_upload: { enabled: true } } }),
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(c.url, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "openai-beta": "chatkit_beta=v1", "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      return answer(res, await res.text());
    } catch {
      return fail(controller.signal.aborted ? "timeout" : "unreachable");
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    start: (request) => handle(request, "start"),
    refresh: (request) => handle(request, "refresh"),
    POST: (request) => handle(request),
  };
}
