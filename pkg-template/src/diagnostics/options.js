// checkOptions: the mistakes that break a ChatKit integration, found in the options
// before useChatKit sees them. The options are read once into a tree (own enumerable
// keys, as useChatKit reads them; a getter or Proxy that throws is read as absent), then
// the rules of rules.js apply. Messages name option paths, never string values; a key
// that looks like a credential is shown as `[redacted]`.
import { glueError } from "../errors.js";
import { API, CUSTOM_API, HANDLER_LIKE, HOSTED_API, chatKitOptionKeys, isHandlerShaped, nearest } from "./keys.js";
import * as R from "./rules.js";
import { looksLikeApiKey, looksSecret } from "./secret.js";

/** How deep and how many values are read; anything past it is left unread. */
const MAX_DEPTH = 32;
const MAX_VALUES = 5000;

// The tree: a string is itself, and every other value one of these (arrays of nodes and
// objects of [key, node] entries are tagged as such).
const OTHER = 0; // undefined, null, booleans, numbers, bigints, symbols
const FUNCTION = 1;
const CYCLE = 2; // an object that is one of its own ancestors
const UNREAD = 3; // too deep, past the value budget, or unreadable
const isArray = (v) => v?.t === "array";
const isObject = (v) => v?.t === "object";
const isNonPlain = (v) => v?.t === "nonplain";
const unreadable = (v) => v === CYCLE || v === UNREAD || isNonPlain(v);

/** The problems in `options` (see index.d.ts). */
export function checkOptions(options, context) {
  return check(read(options), originOf(context));
}

/** Reads `options` as useChatKit does: plain objects have Object.prototype or null. */
function read(options) {
  const plainProto = Object.getPrototypeOf({});
  const ancestors = [];
  let budget = MAX_VALUES;
  const within = (v, f) => {
    ancestors.push(v);
    const out = f();
    ancestors.pop();
    return out;
  };
  const attempt = (f, fallback) => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  const node = (v, depth) => {
    if (typeof v === "string") return v;
    if (typeof v === "function") return FUNCTION;
    if (typeof v !== "object" || v === null) return OTHER;
    if (ancestors.includes(v)) return CYCLE;
    if (depth >= MAX_DEPTH || budget === 0) return UNREAD;
    budget--;
    if (attempt(() => Array.isArray(v), false)) {
      return within(v, () => {
        const length = attempt(() => v.length, 0);
        const n = typeof length === "number" && length > 0 ? Math.min(Math.floor(length), MAX_VALUES) : 0;
        const items = [];
        for (let i = 0; i < n; i++) items.push(child(v, i, depth));
        return { t: "array", items };
      });
    }
    const proto = attempt(() => Object.getPrototypeOf(v), UNREAD);
    if (proto === UNREAD) return UNREAD;
    if (proto !== null && proto !== plainProto) return { t: "nonplain", ...kind(v, proto, attempt) };
    const keys = attempt(() => Object.keys(v), null);
    if (!keys) return UNREAD;
    return within(v, () => ({ t: "object", entries: keys.map((k) => [k, child(v, k, depth)]) }));
  };
  // A property that throws when read is read as absent.
  const child = (v, key, depth) => {
    const item = attempt(() => v[key], attempt);
    return item === attempt ? OTHER : node(item, depth + 1);
  };
  return node(options, 0);
}

/** What a non-plain object is: its constructor's name, and whether wasm-bindgen made it (its instances carry an own `__wbg_ptr`). */
function kind(v, proto, attempt) {
  const name = attempt(() => proto.constructor.name, undefined);
  return {
    name: typeof name === "string" && name !== "" ? name : undefined,
    wasm: attempt(() => Object.getOwnPropertyDescriptor(v, "__wbg_ptr") !== undefined, false),
  };
}

function check(tree, origin) {
  const out = [];
  const push = ([code, severity, template, hint], path, detail = "", suggestion) => {
    const shown = path || "options";
    const message = template.replace(/[$%]/g, (c) => (c === "$" ? shown : detail));
    const d = { severity, code, path, message, hint };
    if (suggestion) {
      d.message = message + " Did you mean `" + suggestion + "`?";
      d.suggestion = suggestion;
    }
    out.push(d);
  };
  if (isObject(tree)) {
    for (const [key, value] of tree.entries) {
      if (key === "api") checkApi(value, origin, push);
      else if (!chatKitOptionKeys.includes(key)) unknownKey(key, push);
    }
    if (!tree.entries.some(([k]) => k === "api")) push(R.MISSING_API, "api");
    if (!tree.entries.some(([k]) => k === "onError")) push(R.MISSING_ON_ERROR, "onError");
  } else {
    push(R.INVALID_OPTIONS, "", describe(tree));
  }
  walk(tree, "", push);
  return out;
}

function unknownKey(key, push) {
  const path = segment(key);
  if (isHandlerShaped(key)) return push(R.UNKNOWN_HANDLER, path, "", nearest(key, HANDLER_LIKE));
  // A key of `api` one level too high is a common slip.
  if (API.includes(key)) return push(R.MISPLACED_API_KEY, path, "", "api." + key);
  push(R.UNKNOWN_OPTION, path, "", nearest(key, chatKitOptionKeys));
}

function checkApi(api, origin, push) {
  if (!isObject(api)) {
    // Non-plain objects and cycles get their own diagnostic from the walk.
    if (!unreadable(api)) push(R.INVALID_VALUE, "api", "an object");
    return;
  }
  const get = (k) => api.entries.find(([key]) => key === k)?.[1];
  const has = (k) => api.entries.some(([key]) => key === k);
  const hosted = has("getClientSecret");
  const custom = has("url");
  if (hosted && custom) return push(R.MIXED_API, "api");
  let valid = hosted ? HOSTED_API : CUSTOM_API;
  let shape = hosted ? "hosted" : "custom";
  if (!hosted && !custom) {
    // Neither shape: say so, and still point at mistyped keys.
    push(R.MISSING_API, "api");
    [valid, shape] = [API, "any"];
  }
  for (const [key, value] of api.entries) {
    const path = "api." + segment(key);
    if (hosted && key === "domainKey") push(R.HOSTED_DOMAIN_KEY, path);
    else if (hosted && key === "uploadStrategy") push(R.HOSTED_UPLOAD, path);
    else if (valid.includes(key)) {
      const fn = key === "getClientSecret" || key === "fetch";
      const str = key === "url" || key === "domainKey";
      const ok = fn ? value === FUNCTION : str ? typeof value === "string" : true;
      if (!ok && !unreadable(value)) push(R.INVALID_VALUE, path, fn ? "a function" : "a string");
    } else {
      const near = nearest(key, valid);
      push(R.UNKNOWN_API_KEY, path, shape, near && "api." + near);
    }
  }
  if (custom) {
    const domainKey = get("domainKey");
    if (!has("domainKey") || (typeof domainKey === "string" && !/[^ \t\n\f\r]/.test(domainKey))) {
      push(R.MISSING_DOMAIN_KEY, "api.domainKey");
    }
    const url = get("url");
    if (typeof url === "string" && insecure(url, origin)) {
      push(origin !== undefined && /^[ \t\n\f\r]*https:/i.test(origin) ? R.BLOCKED_URL : R.INSECURE_URL, "api.url");
    }
  }
}

/** The rules that apply at any depth: credentials, non-plain values, cycles. */
function walk(value, path, push) {
  if (typeof value === "string") {
    if (looksLikeApiKey(value)) push(R.SECRET, path);
  } else if (isArray(value)) {
    value.items.forEach((item, i) => walk(item, `${path}[${i}]`, push));
  } else if (isObject(value)) {
    for (const [key, item] of value.entries) {
      const at = (path ? path + "." : "") + segment(key);
      if (looksLikeApiKey(key)) push(R.SECRET, at);
      walk(item, at, push);
    }
  } else if (isNonPlain(value)) {
    const name = value.name && segment(value.name);
    if (name === "Promise") return push(R.PROMISE, path);
    const detail = value.wasm
      ? "a wasm-bindgen object" + (name ? ` (${name})` : "")
      : /^(?:Map|Set|Date|RegExp|WeakMap|WeakSet)$/.test(name)
        ? "a " + name
        : name
          ? "an instance of " + name
          : "an object with a custom prototype";
    push(R.NON_PLAIN_VALUE, path, detail);
  } else if (value === CYCLE) {
    push(R.CYCLE, path);
  }
}

/**
 * A key as it appears in a path and a message: as is, unless it looks like a credential
 * (then `[redacted]`), is long (cut to 40 characters and `…`) or holds control
 * characters (shown as `?`, as they would garble the console).
 */
export function segment(key) {
  if (looksSecret(key)) return "[redacted]";
  const chars = Array.from(key);
  return chars.slice(0, 40).join("").replace(/[\0-\x1f\x7f-\x9f]/g, "?") + (chars.length > 40 ? "…" : "");
}

function describe(v) {
  if (typeof v === "string") return "a string";
  if (v === FUNCTION) return "a function";
  if (isArray(v)) return "an array";
  if (v === OTHER) return "a primitive or null";
  return "a non-plain object";
}

/**
 * Whether requests to `url` from a page at `origin` (when known) travel in plain http to
 * a host that is not loopback. A relative URL resolves against the origin: a path stays
 * on it, `//host/…` takes its scheme; without an origin it is not known.
 */
export function insecure(url, origin) {
  const lower = (s) => s.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, "").replace(/[A-Z]+/g, (c) => c.toLowerCase());
  const u = lower(url);
  const o = origin === undefined ? undefined : lower(origin);
  const scheme = /^[a-z][a-z0-9+.-]*:/;
  let [s] = u.match(scheme) ?? [];
  let rest = s ? u.slice(s.length) : u;
  if (!s) {
    [s] = (o !== undefined && o.match(scheme)) || [];
    if (!s) return false;
    if (!u.startsWith("//")) rest = o.slice(s.length);
  }
  if (s !== "http:" || !rest.startsWith("//")) return false;
  // The host: the authority without user info or port.
  const authority = rest.slice(2).split(/[/?#]/)[0];
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const host = hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : hostPort.split(":")[0];
  const h = host.endsWith(".") ? host.slice(0, -1) : host;
  const loopback = h === "localhost" || h.endsWith(".localhost") || h === "[::1]" || h.startsWith("127.");
  return host !== "" && !loopback;
}

/** The page's origin for the non-HTTPS check: `context.origin`, else the page's own. */
export function originOf(context) {
  if (context === undefined || context === null) return pageOrigin();
  if (typeof context !== "object") throw glueError("invalid_config", "checkOptions: the second argument must be an object ({ origin? })");
  const { origin } = context;
  if (origin === undefined) return pageOrigin();
  if (typeof origin !== "string") throw glueError("invalid_config", 'checkOptions: origin must be a string such as "https://app.example.com"');
  return origin;
}

function pageOrigin() {
  const origin = typeof location === "object" && location !== null ? location.origin : undefined;
  return typeof origin === "string" && origin !== "null" ? origin : undefined;
}
