// explainError: what went wrong and what to change, for every library error code and for
// the errors ChatKit itself reports to `onError`. One table; the README's
// "Troubleshooting" section is checked against it. ChatKit's errors are matched on their
// name and message; an error nothing matches gets UNKNOWN, which says so instead of
// guessing a cause. Titles and hints are fixed text: nothing of the error is copied.
import { looksSecret } from "./secret.js";

/** code -> [title, hint] for the library's own codes, in the order of the Rust `ErrorCode::ALL`. */
export const GLUE = {
  unauthorized: ["Not authorized", "Your server answered 401/403, or a credential callback threw (see cause): check the app's sign-in token."],
  bad_request: ["Request rejected", "Your session endpoint answered a 4xx: check the route accepts POST, and read its error body."],
  rate_limited: ["Rate limited", "Your session endpoint answered 429: reuse the client secret until it expires, or raise the limit."],
  server_error: ["Server error", "Your session endpoint failed: read its logs; check OPENAI_API_KEY and CHATKIT_WORKFLOW_ID."],
  network: ["Network failure", "No answer: the server is down, the URL is wrong, or CORS or a CSP connect-src blocks it."],
  timeout: ["Timed out", "A deadline passed: find out why the server is slow, or raise timeoutMs."],
  aborted: ["Cancelled", "The caller's AbortSignal fired, or the object was disposed: usually expected, e.g. on unmount."],
  bad_response: ["Unusable response", "The answer had no usable client_secret: return JSON { client_secret, expires_after }."],
  refresh_loop: ["Client-secret refresh loop", "The server keeps returning the old or an expired secret: issue a fresh, longer-lived one on every refresh."],
  invalid_params: ["Invalid tool parameters", "A client tool got params its schema rejects (the message names the path): match the schema to the workflow."],
  unknown_tool: ["Unknown client tool", "No client tool of that name is registered: use exactly the workflow's tool name."],
  tool_failed: ["Client tool failed", "The tool's handler threw or rejected (see cause); it may have partly run."],
  invalid_result: ["Invalid tool result", "A tool handler must return a plain JSON object or nothing."],
  invalid_config: ["Invalid configuration", "An option, argument or schema is wrong: the message says which."],
  load_failed: ["WebAssembly module did not load", "Allow 'wasm-unsafe-eval' in the CSP, serve the package's .wasm files beside its JavaScript, use a browser with WebAssembly."],
  internal: ["Internal error in chatkit-glue", "A bug in chatkit-glue: reload the page, and please report it with the console output."],
};

/** code -> [title, hint] for ChatKit's own failures. */
export const CHATKIT = {
  unknown_option: ["Unknown ChatKit option", "ChatKit rejects options it does not know: checkOptions(options) names the key and the nearest valid one."],
  invalid_api_config: ["ChatKit rejected api", "Hosted: api is { getClientSecret } only. Own backend: { url, domainKey, fetch?, uploadStrategy? }."],
  invalid_options: ["Invalid ChatKit options", "ChatKit rejected an option value (the message names its path): check it against the ChatKitOptions type."],
  domain_not_allowed: ["Domain not allowed", "Add this domain to the allowlist at platform.openai.com/settings/organization/security/domain-allowlist; localhost needs none."],
  workflow_not_found: ["Workflow not found", "The API key's project is not the workflow's, or it is unpublished; a shell OPENAI_API_KEY overrides .env.local."],
  tool_output_missing: ["Client tool output missing", "The page reloaded or ChatKit re-initialised during a client tool call: start a new thread; keep options stable."],
  session_rate_limited: ["Session rate limit", "Sessions allow 10 requests a minute by default: raise rate_limits.max_requests_per_1_minute (maxRequestsPerMinute)."],
  secret_invalid: ["Client secret expired or invalid", "getClientSecret must fetch a fresh secret when called with the current one (ClientSecretSource does)."],
  request_unauthorized: ["Request not authorized", "Own backend: api.fetch must add your Authorization header (createAuthFetch). Hosted: return a current secret."],
  fetch_failed: ["Request failed", "A request did not complete: offline, server down, or CORS or a CSP connect-src blocks it (see the network panel)."],
};

/** Anything the table does not recognise. */
export const UNKNOWN = ["Unrecognised error", "chatkit-glue does not know this error, so cannot tell its cause: read its message, the network panel and server logs."];

/**
 * ChatKit's failures known by their message (ASCII lower-cased), in the order they are
 * tried: a row matches when each group has a phrase the message contains.
 */
const PHRASES = [
  ["domain_not_allowed", [["domain"], ["not allowed", "allowlist", "allow list", "not verified", "verification", "not registered"]]],
  ["workflow_not_found", [["workflow"], ["not found"]]],
  ["tool_output_missing", [["no tool output found"]]],
  ["session_rate_limited", [["rate limit", "rate_limit", "ratelimit", "too many requests"]]],
  ["secret_invalid", [["client secret", "client_secret", "clientsecret", "session"], ["expired", "invalid", "not found"]]],
  ["request_unauthorized", [["unauthorized", "forbidden"]]],
  ["fetch_failed", [["failed to fetch", "fetch failed", "networkerror when attempting to fetch"]]],
];

/** `{ code, title, hint }` for any thrown value (see index.d.ts). Never throws. */
export function explainError(error) {
  let current = error;
  // The error, then its causes (or the error inside onError's `{ error }` detail).
  for (let depth = 0; depth < 4; depth++) {
    if (typeof current === "string") return answer(matchChatKit("", current, undefined));
    const name = text(current, "name");
    const message = text(current, "message");
    if (name === undefined && message === undefined) {
      current = get(current, "error");
      continue;
    }
    const code = text(current, "code");
    if (name === "ChatKitGlueError" && Object.prototype.hasOwnProperty.call(GLUE, code)) {
      // A library hint is more specific than the table's; one that looks like it holds a
      // credential (a foreign object posing as a library error) is dropped.
      const hint = text(current, "hint");
      const own = hint !== undefined && /[^ \t\n\f\r]/.test(hint) && !looksSecret(hint) ? hint : undefined;
      return answer(code, own);
    }
    let status = get(current, "status");
    if (status === undefined) status = get(current, "statusCode");
    const found = matchChatKit(name ?? "", message ?? "", status);
    if (found) return answer(found);
    current = get(current, "cause");
  }
  return answer();
}

function answer(code, ownHint) {
  const [title, hint] = GLUE[code] ?? CHATKIT[code] ?? UNKNOWN;
  return { code: code ?? "unknown", title, hint: ownHint ?? hint };
}

/** The ChatKit failure `name` and `message` (and an HTTP `status`) show, if any. */
function matchChatKit(name, message, status) {
  const m = message.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const has = (phrase) => m.includes(phrase);
  if (name === "InvalidFrameParamsError" || has("invalid frame params")) {
    return has("unrecognized key") ? "unknown_option" : has("at api") ? "invalid_api_config" : "invalid_options";
  }
  for (const [code, groups] of PHRASES) {
    if (groups.every((group) => group.some(has))) return code;
  }
  if (status === 429) return "session_rate_limited";
  if (status === 401 || status === 403) return "request_unauthorized";
  return undefined;
}

/** `target[key]` for an object, or undefined (also when a getter or Proxy throws). */
export function get(target, key) {
  if ((typeof target !== "object" || target === null) && typeof target !== "function") return undefined;
  try {
    return target[key];
  } catch {
    return undefined;
  }
}

/** `target[key]` when it is a string. */
function text(target, key) {
  const v = get(target, key);
  return typeof v === "string" ? v : undefined;
}
