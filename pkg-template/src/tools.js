// Client tools: a typed, validated registry behind ChatKit's `onClientTool`. Params are
// checked by the Rust core (JSON Schema draft 2020-12) or by any Standard Schema; every call has
// exactly one outcome, within a per-tool deadline. Messages never carry param values.
//
// Params and schemas enter the module as one `JSON.stringify` string (one boundary
// crossing per call, not one per value): what JSON cannot write (functions, undefined,
// symbols) is left out, NaN and infinities become null, objects with a toJSON write that.
// Params from ChatKit arrive as JSON, so they are unchanged. Results are checked here.
import wasmModule from "#module/tools";
import { disposable, glueError } from "./errors.js";

// Call ids: a per-page prefix, drawn on the first call.
let PREFIX = "";
let seq = 0;

const config = (message) => glueError("invalid_config", message);
const disposed = () => glueError("aborted", "ClientTools was disposed");
const isObject = (v) => v !== null && (typeof v === "object" || typeof v === "function");
const isThenable = (v) => isObject(v) && typeof v.then === "function";

function ms(value, what) {
  if (typeof value !== "number" || !(value >= 0 && value <= 2147483647)) throw config(`${what} must be 0 to 2147483647 ms`);
  return Math.ceil(value);
}

/** Whether this is a development build (bundlers replace process.env.NODE_ENV). */
function development() {
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return true; // no `process` (a page without a bundler)
  }
}

/** Development only: observers never break a call. */
function report(...args) {
  if (development()) console.error("chatkit-glue:", ...args);
}
const warned = new Set();

/** The module if it is loaded (Node: loads it now); null before a browser load or after a failure. */
function loaded() {
  try {
    return wasmModule.get();
  } catch {
    return null;
  }
}

// Rust's `quoted` and JSON pointer segments: at most 64 characters, then "…"; control
// characters replaced (messages from the module and the facade read the same).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const cut = (s) => {
  const chars = Array.from(s);
  return (chars.length > 64 ? chars.slice(0, 64).join("") + "…" : s).replace(CONTROL, "\ufffd");
};
const quoted = (s) => `"${cut(String(s))}"`;
const pointer = (path) => path.map((k) => "/" + (typeof k === "number" ? k : cut(k).replace(/~/g, "~0").replace(/\//g, "~1"))).join("");
const NON_PLAIN = "an object that is not plain data (a class instance, Map, Date, ...)";
const KINDS = { function: "a function", bigint: "a BigInt", symbol: "a symbol", undefined: "undefined" };

/**
 * Where `value` stops being plain JSON data, as [pointer, what], or undefined. Plain
 * objects have a null prototype or an `Object.prototype` (of any realm); own enumerable
 * properties only; a property holding undefined is left out, as JSON does.
 */
function notJson(value) {
  const path = [];
  const ancestors = [];
  const walk = (v) => {
    const type = typeof v;
    if (type === "number") return Number.isFinite(v) ? undefined : "a non-finite number";
    if (type !== "object") return KINDS[type]; // strings and booleans: undefined, fine
    if (v === null) return;
    if (ancestors.includes(v)) return "a cycle";
    if (ancestors.length >= 256) return "nesting deeper than 256 levels"; // the core's MAX_VALUE_DEPTH
    ancestors.push(v);
    let bad;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !bad; i++) {
        path.push(i);
        if (!(bad = walk(v[i]))) path.pop();
      }
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) bad = NON_PLAIN;
      else
        for (const key of Object.keys(v)) {
          const item = v[key];
          if (item === undefined) continue;
          path.push(key);
          if ((bad = walk(item))) break;
          path.pop();
        }
    }
    ancestors.pop();
    return bad;
  };
  let what;
  try {
    what = walk(value);
  } catch {
    // A throwing getter or proxy trap: not plain data, where it was read.
    what = NON_PLAIN;
  }
  return what && [pointer(path), what];
}

/** Whether `v` is a plain object whose own values are all strings, booleans, finite numbers or null. */
function flat(v) {
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  try {
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) return false;
      const x = v[key];
      const type = typeof x;
      if (!(type === "string" || type === "boolean" || x === null || x === undefined || (type === "number" && Number.isFinite(x)))) return false;
    }
  } catch {
    return false;
  }
  return true;
}

/** The `invalid_result` error for a handler's result, or null when it is a plain JSON object. */
function resultError(tool, value) {
  let problem;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "bigint" ? "BigInt" : typeof value;
    problem = `${kind === "array" ? "an" : "a"} ${kind}`;
  } else {
    if (flat(value)) return null;
    const found = notJson(value);
    if (!found) return null;
    problem = `a result with ${found[1]}${found[0] && " at " + found[0]}`;
  }
  return glueError("invalid_result", `tool ${quoted(tool)} returned ${problem}; a tool must return a plain JSON-compatible object, or nothing`);
}

function compile(entry, tools) {
  try {
    const found = notJson(entry.json);
    if (found) {
      throw glueError("invalid_config", `tool ${quoted(entry.name)}: parameters schema${found[0] && " at " + found[0]}: not JSON data (${found[1]})`, {
        // As the module's other schema errors (core::tools::invalid_schema).
        hint: "Tool parameters take a JSON Schema (draft 2020-12; documents a $ref names go in the schemas option) or any Standard Schema (zod, valibot, arktype).",
      });
    }
    // JSON text never holds a raw NUL: the `schemas` documents and the name follow.
    const text = JSON.stringify(entry.json) + "\0" + tools._schemas + "\0" + entry.name;
    const n = wasmModule.call((raw) => raw.tools_compile(wasmModule.put(text), tools._strict));
    if (n < 0) throw wasmModule.error();
    entry.handle = n;
    // Development: a keyword no vocabulary defines is ignored, as the spec says; name it
    // once on the console. The strict compile refuses exactly those keywords.
    if (!tools._strict && development()) {
      const strict = wasmModule.call((raw) => raw.tools_compile(wasmModule.put(text), true));
      if (strict >= 0) wasmModule.raw.tools_free(strict);
      else {
        const { message } = wasmModule.error();
        if (!warned.has(message)) {
          warned.add(message);
          console.warn(`chatkit-glue: ${message} (ignored; strictSchema: true refuses it)`);
        }
      }
    }
  } catch (error) {
    entry.error = error;
  }
  entry.json = undefined;
}

function release(entry) {
  if (entry.handle !== undefined && loaded() && !wasmModule.trapped) wasmModule.raw.tools_free(entry.handle);
  entry.handle = undefined;
}

/**
 * One timer for every call in flight, armed for the earliest deadline: a call costs a Set
 * entry instead of a setTimeout and a clearTimeout. In Node the timer holds the process
 * open only while a call is in flight.
 */
class Deadlines {
  constructor() {
    this.live = new Set();
    this.timer = undefined;
    this.at = Infinity;
  }

  add(call) {
    this.live.add(call);
    if (call.due < this.at) this.arm(call.due);
    else if (this.live.size === 1) this.timer?.ref?.();
  }

  delete(call) {
    if (this.live.delete(call) && !this.live.size) this.timer?.unref?.();
  }

  arm(due) {
    clearTimeout(this.timer);
    this.at = due;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - Date.now()));
  }

  fire() {
    this.timer = undefined;
    this.at = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const call of [...this.live]) {
      if (call.due <= now) call.expire();
      else if (call.due < next) next = call.due;
    }
    if (next < Infinity) this.arm(next);
  }
}

export const ClientTools = /* @__PURE__ */ disposable(
  class ClientTools {
  constructor(options = {}) {
    wasmModule.use();
    const { defaultTimeoutMs = 20000, errorMode = "result", onEvent, schemas, strictSchema = false, ...unknown } = isObject(options) ? options : { "": 0 };
    if (Object.keys(unknown).length) throw config(`ClientTools: unknown option ${quoted(Object.keys(unknown)[0])}`);
    this._timeout = ms(defaultTimeoutMs, "ClientTools: defaultTimeoutMs");
    if (errorMode !== "result" && errorMode !== "throw") throw config('ClientTools: errorMode must be "result" or "throw"');
    if (onEvent !== undefined && typeof onEvent !== "function") throw config("ClientTools: onEvent must be a function");
    if (typeof strictSchema !== "boolean") throw config("ClientTools: strictSchema must be a boolean");
    this._strict = strictSchema;
    // The documents a `$ref` may name ({ [uri]: schema }), handed to the core with each
    // schema as JSON text.
    this._schemas = "";
    if (schemas !== undefined) {
      if (!isObject(schemas) || Array.isArray(schemas)) throw config("ClientTools: schemas must be an object of JSON Schemas by URI");
      const found = notJson(schemas);
      if (found) throw config(`ClientTools: schemas${found[0] && " at " + found[0]}: not JSON data (${found[1]})`);
      this._schemas = JSON.stringify(schemas);
    }
    this._mode = errorMode;
    this._onEvent = onEvent;
    this._tools = new Map();
    this._calls = new Set();
    this._deadlines = new Deadlines();
    this._disposed = false;
    this._stale = false;
    /** ChatKit's `onClientTool`: bound, and the same function for the object's life. */
    this.dispatch = (call) => this._dispatch(call);
  }

  register(name, tool) {
    if (this._disposed) throw disposed();
    const at = `ClientTools.register(${quoted(name)}): `;
    if (typeof name !== "string" || !name) throw config(at + "name must be a non-empty string");
    if (this._tools.has(name)) throw config(at + "already registered; unregister it first");
    if (!isObject(tool) || typeof tool.handler !== "function") throw config(at + "handler must be a function");
    const { parameters: p, timeoutMs, description } = tool;
    if (description !== undefined && typeof description !== "string") throw config(at + "description must be a string");
    const entry = { name, handler: tool.handler, timeout: timeoutMs === undefined ? this._timeout : ms(timeoutMs, at + "timeoutMs") };
    const std = isObject(p) ? p["~standard"] : undefined;
    if (std !== undefined) {
      if (!isObject(std) || typeof std.validate !== "function") throw config(at + 'parameters["~standard"] is not a Standard Schema');
      entry.std = std;
    } else if (typeof p === "boolean" || (isObject(p) && !Array.isArray(p))) {
      entry.json = p;
      this._stale = true;
      if (loaded()) {
        compile(entry, this);
        if (entry.error) throw entry.error;
      }
    } else if (p !== undefined) {
      throw config(at + "parameters must be a JSON Schema (object or boolean) or a Standard Schema");
    }
    this._tools.set(name, entry);
    return this;
  }

  unregister(name) {
    const entry = this._tools.get(name);
    if (entry) release(entry);
    return this._tools.delete(name);
  }

  names() {
    return [...this._tools.keys()];
  }

  /** Loads the module and compiles the schemas registered before it was ready. */
  ready() {
    if (this._disposed) return Promise.reject(disposed());
    return wasmModule.load().then(() => {
      this._compile();
      for (const entry of this._tools.values()) if (entry.error) throw entry.error;
    });
  }

  dispose() {
    if (this._disposed) return;
    this._disposed = true;
    for (const call of [...this._calls]) call.abort(disposed());
    clearTimeout(this._deadlines.timer);
    for (const entry of this._tools.values()) release(entry);
    this._tools.clear();
  }


  /** Compiles the schemas registered before the module was loaded, once it is. */
  _compile() {
    if (!this._stale) return;
    this._stale = false;
    for (const entry of this._tools.values()) {
      if (entry.json === undefined) continue;
      compile(entry, this);
      // A trap was logged once already, by the module.
      if (entry.error && entry.error !== wasmModule.trapped) report(entry.error);
    }
  }

  _emit(event) {
    try {
      if (this._onEvent) this._onEvent(event);
    } catch (error) {
      report("onEvent threw", error);
    }
  }

  _dispatch(call) {
    const name = String(isObject(call) ? call.name : call);
    const params = isObject(call) ? call.params : undefined;
    PREFIX ||= Math.random().toString(36).slice(2, 8);
    return new Promise((resolve, reject) => new Call(this, name, params, resolve, reject).begin());
  }
  },
);

// The call behind a handler's context, under a key that Object.keys and JSON never show.
const CALL = /* @__PURE__ */ Symbol("call");

/** What a handler receives: the call's name and id, and a signal made on first read. */
class Context {
  constructor(call) {
    this[CALL] = call;
    this.name = call.name;
    this.callId = call.id();
  }

  get signal() {
    const call = this[CALL];
    // The AbortController is made when the handler first reads ctx.signal: most never do.
    if (!call.controller) {
      call.controller = new AbortController();
      if (call.abortedWith) call.controller.abort(call.abortedWith);
    }
    return call.controller.signal;
  }
}

/**
 * One call of `dispatch`: it settles exactly once (`finish`), by its handler's outcome,
 * a validation failure, its deadline (`expire`, from the shared timer) or `dispose`.
 */
class Call {
  constructor(tools, name, params, resolve, reject) {
    this.tools = tools;
    this.name = name;
    this.params = params;
    this.entry = tools._tools.get(name);
    this.resolve = resolve;
    this.reject = reject;
    this.seq = ++seq;
    this.t0 = Date.now();
    this.done = false;
    this.started = false;
    this.controller = null;
    this.abortedWith = undefined;
    this.release = null;
    this.timeoutMs = this.entry ? this.entry.timeout : tools._timeout;
    this.due = this.t0 + this.timeoutMs;
  }

  id() {
    return `${PREFIX}-${this.seq}`;
  }

  // Events are built only when someone listens.
  emit(phase, outcome) {
    const tools = this.tools;
    if (!tools._onEvent) return;
    const { name } = this;
    const callId = this.id();
    tools._emit(phase === "start" ? { kind: "tool", name, callId, phase } : { kind: "tool", name, callId, phase, durationMs: Date.now() - this.t0, outcome });
  }

  begin() {
    const tools = this.tools;
    this.emit("start");
    if (tools._disposed) return this.finish(disposed());
    // After a trap every call of the module's feature settles with `internal`, even one
    // whose tool needs no module call; a trap while this call is in flight settles it too.
    if (wasmModule.trapped) return this.finish(wasmModule.trapped);
    this.release = wasmModule.track((error) => this.abort(error));
    tools._calls.add(this);
    tools._deadlines.add(this);
    if (loaded()) this.attempt(this.start);
    else
      wasmModule.load().then(
        () => this.attempt(this.start),
        (error) => this.finish(error),
      );
  }

  finish(error, value) {
    if (this.done) return;
    this.done = true;
    const tools = this.tools;
    tools._deadlines.delete(this);
    tools._calls.delete(this);
    if (this.release) this.release();
    this.emit("end", error ? error.code : "ok");
    if (!error) return this.resolve(value);
    if (tools._mode === "throw") return this.reject(error);
    const { code, message, retryable } = error;
    // The effect may have happened once the handler ran (per code, as documented).
    const mayHaveCompleted = code === "aborted" ? this.started : code === "timeout" || code === "tool_failed" || code === "invalid_result";
    this.resolve({ error: { code, message, retryable, mayHaveCompleted } });
  }

  abort(error) {
    this.finish(error);
    this.abortedWith = error;
    if (this.controller) this.controller.abort(error);
  }

  /** The shared deadline timer's call. */
  expire() {
    this.abort(glueError("timeout", `tool ${quoted(this.name)} timed out after ${this.timeoutMs} ms`));
  }

  // Anything unexpected (a trap inside the module: `internal`) settles the call; nothing hangs.
  attempt(f, arg) {
    try {
      f.call(this, arg);
    } catch (error) {
      this.finish(error && error.code ? error : glueError("internal", `tool ${quoted(this.name)}: unexpected error`, { cause: error }));
    }
  }

  invalid(what, cause) {
    this.finish(glueError("invalid_params", `invalid params for tool ${quoted(this.name)}${what}`, { cause }));
  }

  start() {
    if (this.done) return;
    const { tools, entry, name, params } = this;
    tools._compile();
    if (!entry || tools._tools.get(name) !== entry) {
      // NUL separates the names; one inside a name is written as U+FFFD, as messages show it.
      const names = [name, ...tools._tools.keys()].map((n) => n.replace(/\0/g, "\uFFFD")).join("\0");
      return this.finish(wasmModule.call((raw) => (raw.tools_unknown(wasmModule.put(names)), wasmModule.error())));
    }
    if (entry.error) return this.finish(entry.error);
    if (entry.handle !== undefined) {
      let text;
      try {
        text = JSON.stringify(params);
      } catch (error) {
        return this.invalid(": not JSON data (JSON.stringify threw: a cycle, a BigInt, or a throwing getter or toJSON)", error);
      }
      if (text === undefined) return this.invalid(`: not JSON data (${params === undefined ? "undefined" : "a " + typeof params})`);
      const n = wasmModule.call((raw) => raw.tools_validate(entry.handle, wasmModule.put(text)));
      return n < 0 ? this.finish(wasmModule.error()) : this.run(params);
    }
    if (!entry.std) return this.run(params);
    let result;
    try {
      result = entry.std.validate(params);
    } catch (error) {
      return this.invalid(": the schema's validate threw", error);
    }
    if (!isThenable(result)) return this.checked(result);
    Promise.resolve(result).then(
      (r) => this.attempt(this.checked, r),
      (error) => this.invalid(": the schema's validate rejected", error),
    );
  }

  /** A Standard Schema's result. */
  checked(r) {
    if (this.done) return;
    if (!r || !r.issues) return this.run(r && r.value);
    const issue = r.issues[0] || {};
    const path = (issue.path || []).map((s) => "/" + String(isObject(s) ? s.key : s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
    this.invalid(`${path && " at " + path}: ${String(issue.message)}`);
  }

  run(value) {
    if (this.done) return;
    this.started = true;
    let out;
    try {
      out = this.entry.handler(value, new Context(this));
    } catch (error) {
      return this.settled(false, error, "threw");
    }
    if (!isThenable(out)) return this.settled(true, out);
    Promise.resolve(out).then(
      (v) => this.attempt(this.resolved, v),
      (e) => this.settled(false, e, "rejected"),
    );
  }

  resolved(value) {
    this.settled(true, value);
  }

  /** The handler finished: the call's outcome, or a late result reported once. */
  settled(ok, value, verb) {
    if (this.done) return this.emit("late", ok ? "ok" : "tool_failed");
    if (!ok) {
      // By kind only: its message may carry anything, so it stays in `cause`.
      const kind = value instanceof Error ? String(value.name).slice(0, 40) : typeof value;
      return this.finish(glueError("tool_failed", `tool ${quoted(this.name)} failed: the handler ${verb} (${kind})`, { cause: value }));
    }
    if (value === undefined) return this.finish(null, {});
    this.finish(resultError(this.name, value), value);
  }
}

/**
 * A ready-made tool that opens `params.url` for the user: only absolute http(s) URLs
 * without user info, optionally limited to `allowedHosts` (`*.` for subdomains).
 */
export function openLinkTool(options = {}) {
  const { allowedHosts, target = "_blank", open } = isObject(options) ? options : {};
  if (allowedHosts !== undefined && !Array.isArray(allowedHosts)) throw config("openLinkTool: allowedHosts must be an array");
  const hosts = (allowedHosts || []).map((entry) => {
    const wildcard = typeof entry === "string" && entry.startsWith("*.");
    const host = wildcard ? entry.slice(2) : entry;
    let url;
    try {
      // A hostname only: no scheme, port, path, user info or whitespace.
      if (typeof host === "string" && !/[/?#@\\\s]|:\d*$|^$/.test(host.replace(/^\[.*\]$/, "[]"))) url = new URL(`http://${host}`);
    } catch {}
    if (!url) throw config(`openLinkTool: allowedHosts entry ${quoted(entry)} is not a hostname (or *.hostname)`);
    return [url.hostname.replace(/\.$/, ""), wildcard];
  });
  if (target !== "_blank" && target !== "_self") throw config('openLinkTool: target must be "_blank" or "_self"');
  if (open !== undefined && typeof open !== "function") throw config("openLinkTool: open must be a function");

  const validate = (params) => {
    const raw = isObject(params) ? params.url : undefined;
    let url, message;
    try {
      url = new URL(raw);
    } catch {}
    if (typeof raw !== "string") message = "expected string";
    else if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) message = "expected an absolute http or https URL";
    else if (url.username || url.password) message = "links with user info are refused";
    else {
      const host = url.hostname.replace(/\.$/, "");
      if (allowedHosts && !hosts.some(([h, wild]) => (wild ? host.endsWith("." + h) : host === h))) message = "host not in allowedHosts";
    }
    return message ? { issues: [{ message, path: ["url"] }] } : { value: { url: url.href } };
  };

  return {
    description: "Opens an http or https link for the user.",
    parameters: { "~standard": { version: 1, vendor: "chatkit-glue", validate } },
    handler: async ({ url }) => {
      if (open) await open(url, target);
      else if (typeof navigator === "object" && navigator.userActivation && navigator.userActivation.isActive) window.open(url, target, "noopener,noreferrer");
      else return { opened: false, reason: "needs_user_gesture", url };
      return { opened: true, url };
    },
  };
}
