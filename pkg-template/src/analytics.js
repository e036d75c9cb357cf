// ChatKitAnalytics: ChatKit's events and the library's own (tool calls, secret fetches,
// auth fetch) paired, counted, redacted and delivered in batches. The rules live in the
// wasm module (AnalyticsCore: pairing, metrics, redaction, sampling, the queue and its
// retry policy). This file timestamps every event at once, holds events until the module
// is loaded and replays them in order, and carries out the sends and timers.
import wasmModule from "#module/analytics";
import { disposable, glueError } from "./errors.js";
import { withTimeout } from "./timeout.js";
import { trapListeners } from "./module.js";

// ChatKit's events (@openai/chatkit's ChatKitEvents without "chatkit."), in its order.
// Each becomes the handler @openai/chatkit-react derives: "thread.load.start" -> onThreadLoadStart.
const EVENTS = /* @__PURE__ */ "ready error effect deeplink response.start response.end history.open history.close thread.change thread.load.start thread.load.end tool.change log".split(
    " ",
  );
const handlerName = (type) => "on" + type.replace(/(^|\.)(\w)/g, (_, dot, c) => c.toUpperCase());

const OPTIONS = /* @__PURE__ */ "sink endpoint batchSize flushIntervalMs maxQueue maxBatchBytes sampleRate enabled captureLogData beforeSend redactKeys onError sessionId sendTimeoutMs".split(
    " ",
  );
// A handler set made by handlers() carries its analytics' reporter under this key (not
// enumerable: spreading the set into useChatKit's options leaves it behind).
const REPORT = /* @__PURE__ */ Symbol.for("chatkit-glue.analytics.report");
// Bytes a page may have in flight with keepalive (fetch keepalive and sendBeacon share it).
const KEEPALIVE_BUDGET = 64000;
const MODE_NORMAL = 0;
const MODE_FLUSH = 1;
const MODE_HIDE = 2;

const now = () => performance.now();
const bad = (message) => glueError("invalid_config", "ChatKitAnalytics: " + message);

function dev(error) {
  try {
    if (process.env.NODE_ENV !== "production") console.error("[chatkit-glue]", error);
  } catch {
    // No `process`: not a development build.
  }
}

function option(o, key, fallback, min, max) {
  const v = o[key] === undefined ? fallback : o[key];
  if (typeof v !== "number" || !(v >= min && v <= max)) throw bad(`${key} must be a number from ${min} to ${max}`);
  o[key] = v;
}

function checkOptions(options = {}) {
  if (options === null || typeof options !== "object") throw bad("options must be an object");
  for (const k in options) if (!OPTIONS.includes(k)) throw bad(`unknown option "${k}"`);
  const o = { ...options };
  option(o, "batchSize", 20, 1, 10000);
  option(o, "flushIntervalMs", 5000, 0, 2147483647);
  option(o, "maxQueue", 1000, 1, 1000000);
  option(o, "maxBatchBytes", 48000, 256, KEEPALIVE_BUDGET);
  option(o, "sampleRate", 1, 0, 1);
  option(o, "sendTimeoutMs", 10000, 1, 2147483647);
  if (o.batchSize > o.maxQueue) throw bad("batchSize must not exceed maxQueue");
  for (const k of ["sink", "beforeSend", "onError"]) {
    if (o[k] != null && typeof o[k] !== "function") throw bad(`${k} must be a function`);
  }
  if (o.endpoint != null && typeof o.endpoint !== "string") throw bad("endpoint must be a URL string");
  if (o.sink && o.endpoint) throw bad("give a sink or an endpoint, not both");
  const keys = o.redactKeys || [];
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== "string")) throw bad("redactKeys must be an array of strings");
  o.redactKeys = keys;
  if (o.sessionId === undefined) {
    o.sessionId = globalThis.crypto?.randomUUID?.() || Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  if (typeof o.sessionId !== "string" || !o.sessionId) throw bad("sessionId must be a non-empty string");
  return o;
}

// Reading the fields an event carries (a throwing getter reads as absent); what they
// mean is the module's business.
function field(o, key, type) {
  try {
    const v = o != null ? o[key] : undefined;
    return type === undefined || typeof v === type ? v : undefined;
  } catch {
    return undefined;
  }
}

// Data crosses into the module once, as JSON text: [text | undefined, whether it threw].
function encoded(data) {
  if (data == null) return [undefined, false];
  try {
    return [JSON.stringify(data), false];
  } catch {
    return [undefined, true];
  }
}

class Engine {
  constructor(o) {
    this.o = o;
    this.born = now();
    this.core = null;
    this.pending = [];
    this.lost = 0;
    this.flights = new Set();
    this.timer = 0;
    this.timerAt = Infinity;
    this.last = "";
    this.h = {};
    for (const type of EVENTS) {
      this.h[handlerName(type)] = (detail) => {
        try {
          this.in(type, detail);
        } catch (error) {
          this.report(error, "analytics");
        }
      };
    }
    Object.defineProperty(this.h, REPORT, { value: (error, source) => this.report(error, source) });
  }

  // Every event enters here, timestamped at once (epoch ms, and monotonic for pairing).
  in(type, data, duration) {
    if (this.disposed || this.o.enabled === false) return;
    if (this.failed || this.trapped) return void this.lost++;
    if (this.pending.length >= this.o.maxQueue) {
      this.pending.shift();
      this.lost++;
    }
    this.pending.push([type, data, duration, Date.now(), now()]);
    if (this.ensure()) this.drain();
  }

  // True once the engine runs; otherwise starts loading the module (events wait).
  ensure() {
    if (this.core) return true;
    if (this.loading) return false;
    let wasm = null;
    try {
      wasm = wasmModule.get();
    } catch (error) {
      this.fail(error);
      return false;
    }
    if (wasm) return this.start(wasm);
    this.loading = true;
    wasmModule.load().then(
      (loaded) => !this.disposed && this.start(loaded) && this.drain(),
      (error) => this.fail(error),
    );
    return false;
  }

  fail(error) {
    this.failed = true;
    this.lost += this.pending.length;
    this.pending = [];
    this.report(error, "load");
  }

  start(wasm) {
    const o = this.o;
    this.wasm = wasm;
    this.watch();
    this.core = wasmModule.call(
      () =>
        new wasm.AnalyticsCore({
          ...o,
          send: !!(o.sink || o.endpoint),
          direct: !o.beforeSend,
          readyFrom: this.mark || this.born,
        }),
    );
    this.listen();
    return true;
  }

  // A trap in any module is reported once to onError; one in this module also stops the
  // engine: what waits is counted lost, and flush() and every later call get `internal`.
  watch() {
    if (this.onTrap) return;
    this.onTrap = (error) => {
      this.report(error, "internal");
      if (error !== wasmModule.trapped) return;
      this.trapped = error;
      clearTimeout(this.timer);
      this.lost += this.pending.length;
      this.pending = [];
    };
    trapListeners.add(this.onTrap);
  }

  drain() {
    if (this.busy) return;
    this.busy = true;
    try {
      // Re-entrant events (from onError, beforeSend or a toJSON) wait their turn here.
      while (this.pending.length && this.core) wasmModule.call(() => this.process(this.pending.shift()));
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  process([type, data, duration, at, mono]) {
    if (type === "error") {
      const error = this.toError(data && "error" in data ? data.error : data);
      data = { name: error.name, message: error.message, code: error.code };
      this.report(error, "chatkit");
    } else if (type === "log" && this.o.captureLogData === false) {
      data = { name: data && data.name };
    }
    // Events are encoded only when they will be sent.
    const [json, unencodable] = this.core.sending ? encoded(data) : [undefined, false];
    const out = this.core.observe(
      type,
      at,
      mono,
      json,
      unencodable,
      field(data, "threadId", "string"),
      field(data, "phase", "string"),
      typeof duration === "number" ? duration : undefined,
    );
    if (out) for (const json of out) this.before(json, mono);
    this.check("queue");
  }

  // beforeSend sees the event as it will be sent (redacted); null drops it, nothing keeps
  // it as edited. What it returns is redacted again.
  before(json, mono) {
    let event = JSON.parse(json);
    try {
      const edited = this.o.beforeSend(event);
      if (edited === null) return;
      if (edited !== undefined) event = edited;
    } catch (error) {
      this.report(error, "beforeSend");
      this.core.lose();
      return;
    }
    const [text, unencodable] = encoded(field(event, "data"));
    const out = this.core.encode(
      field(event, "type", "string"),
      field(event, "id", "string"),
      field(event, "at", "number"),
      field(event, "sessionId", "string"),
      field(event, "threadId", "string"),
      field(event, "durationMs", "number"),
      text,
      unencodable,
    );
    if (out !== undefined) this.core.push(out, mono);
  }

  check(source) {
    const error = this.core.error();
    if (error) this.report(error, source);
  }

  schedule() {
    if (!this.core || this.disposed || this.trapped) return;
    const due = wasmModule.call(() => this.core.due(now()));
    if (due < 0) return;
    if (due === 0) return void this.send(MODE_NORMAL);
    const at = now() + due;
    if (this.timer && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.timerAt = Infinity;
      this.schedule();
    }, Math.ceil(due));
    this.timer.unref?.();
  }

  // Sends the next batch (MODE_NORMAL, MODE_FLUSH), or, as the page hides, every batch
  // that fits the keepalive budget. Resolves true when the batch was delivered.
  send(mode) {
    let budget = KEEPALIVE_BUDGET;
    for (;;) {
      const batch = wasmModule.call(() => this.core.take(Date.now(), now(), mode, budget));
      if (!batch) return;
      const flight = this.deliver(batch, mode === MODE_HIDE);
      this.flights.add(flight);
      flight.then(() => this.flights.delete(flight));
      if (mode !== MODE_HIDE) return flight;
      budget -= batch[2];
    }
  }

  async deliver([id, body], hide) {
    const o = this.o;
    const source = o.sink ? "sink" : "endpoint";
    let status = 0;
    let retryAfter = "";
    let date = "";
    try {
      if (o.sink) {
        await withTimeout(() => o.sink(JSON.parse(body).events), o.sendTimeoutMs);
        status = 200;
      } else if (hide && !(typeof Request === "function" && "keepalive" in Request.prototype)) {
        // No keepalive fetch: a beacon (text/plain is CORS-simple). False means the page's
        // keepalive budget is full: the events stay queued.
        status = navigator.sendBeacon(o.endpoint, body) ? 200 : -1;
      } else {
        const response = await withTimeout(
          (signal) =>
            fetch(o.endpoint, {
              method: "POST",
              body,
              keepalive: hide,
              signal,
              headers: { "content-type": "application/json" },
            }),
          o.sendTimeoutMs,
        );
        status = response.status;
        retryAfter = response.headers.get("retry-after") || "";
        date = response.headers.get("date") || "";
      }
    } catch (error) {
      this.report(error, source);
    }
    try {
      if (!this.core || this.trapped) return false;
      wasmModule.call(() => this.core.settle(id, status, now(), retryAfter, date, Date.now(), Math.random()));
      this.check(source);
      this.schedule();
    } catch (error) {
      this.report(error, "analytics");
    }
    return status >= 200 && status < 300;
  }

  listen() {
    if (typeof addEventListener !== "function" || typeof document === "undefined" || !this.core.sending) return;
    const hide = () => this.core && this.send(MODE_HIDE);
    const visibility = () => document.visibilityState === "hidden" && hide();
    addEventListener("pagehide", hide);
    document.addEventListener("visibilitychange", visibility);
    this.off = () => {
      removeEventListener("pagehide", hide);
      document.removeEventListener("visibilitychange", visibility);
    };
  }

  // Normalises to an Error with a redacted message; an Error whose message needs no
  // redaction is passed on as it is.
  toError(value) {
    const redact = (s) => (this.wasm ? this.wasm.redactText(s) : s);
    if (value instanceof Error) {
      const message = redact(String(value.message));
      if (message === value.message) return value;
      const copy = new Error(message);
      for (const k of ["name", "code", "retryable", "status", "hint"]) if (k in value) copy[k] = value[k];
      return copy;
    }
    let message;
    try {
      message = typeof value === "string" ? value : (value && value.message) || JSON.stringify(value);
    } catch {
      // A cycle or a BigInt: String() below.
    }
    try {
      message = String(message === undefined ? value : message);
    } catch {
      message = "unknown error";
    }
    return new Error(redact(message));
  }

  report(error, source) {
    // A trap reaches here from every call that meets it: onError hears of it once.
    if (error === wasmModule.trapped || error === this.trapReported) {
      if (this.trapReported === error) return;
      this.trapReported = error;
    }
    try {
      const e = this.toError(error);
      const key = source + "\n" + e.name + "\n" + e.message;
      // Consecutive duplicates (a failing sink on every retry) are reported once.
      if (key === this.last) return;
      this.last = key;
      if (this.o.onError) this.o.onError(e, { source });
      else dev(e);
    } catch {
      // onError itself threw: nothing left to tell.
    }
  }

  record(event) {
    const kind = event && event.kind;
    const type =
      kind === "secret" ? "secret.fetch" : kind === "tool" ? "tool.call" : kind === "fetch" ? "fetch." + event.phase : "";
    if (!type) {
      return this.report(bad("record takes the onEvent events of ClientSecretSource, ClientTools and createAuthFetch"), "record");
    }
    const { kind: _kind, durationMs, ...data } = event;
    this.in(type, data, durationMs);
  }

  metrics() {
    if (this.final) return { ...this.final };
    const m = this.core
      ? wasmModule.call(() => this.core.metrics())
      : { responses: 0, errors: 0, abandoned: 0, responseMs: null, timeToReadyMs: null, threadLoadMs: null, toolCalls: 0, dropped: 0, sent: 0, queued: 0 };
    m.dropped += this.lost;
    m.queued += this.pending.length;
    return m;
  }

  // Settles with `internal` as soon as the module traps, whatever it was waiting for.
  flush() {
    if (this.disposed) return Promise.reject(glueError("aborted", "ChatKitAnalytics.flush: the analytics object was disposed"));
    const trapped = this.trapped || wasmModule.trapped;
    if (trapped) return Promise.reject(trapped);
    return new Promise((resolve, reject) => {
      const done = wasmModule.track(reject);
      this.drainAll().then(
        () => {
          done();
          if (this.trapped) reject(this.trapped);
          else resolve();
        },
        (error) => {
          done();
          reject(this.trapped || error);
        },
      );
    });
  }

  async drainAll() {
    if (!this.core && this.loading) await wasmModule.load().catch(() => {});
    while (this.core && !this.disposed && !this.trapped) {
      if (this.flights.size) {
        await Promise.all(this.flights);
        continue;
      }
      const flight = this.send(MODE_FLUSH);
      if (!flight || !(await flight)) return;
    }
  }

  dispose() {
    if (this.disposed) return;
    // After a trap the module's state is not to be trusted: nothing more is asked of it.
    const core = this.trapped ? null : this.core;
    if (core) {
      try {
        // A running response is abandoned; what is queued leaves as the page would.
        const out = core.dispose(Date.now(), now());
        if (out) for (const json of out) this.before(json, now());
        this.check("queue");
        this.send(MODE_HIDE);
        this.final = this.metrics();
      } catch (error) {
        this.report(error, "analytics");
      }
    }
    this.disposed = true;
    if (this.onTrap) trapListeners.delete(this.onTrap);
    clearTimeout(this.timer);
    if (this.off) this.off();
    this.lost += this.pending.length;
    this.pending = [];
    this.core = null;
    if (core) core.free();
  }
}

const engines = new WeakMap();
const engine = (analytics) => engines.get(analytics);

/** Event analytics and error tracking for ChatKit; see index.d.ts. */
export const ChatKitAnalytics = /* @__PURE__ */ disposable(
  class ChatKitAnalytics {
  constructor(options) {
    wasmModule.use();
    const e = new Engine(checkOptions(options));
    engines.set(this, e);
    /** Bound: takes the onEvent events of ClientSecretSource, ClientTools and createAuthFetch. */
    this.record = (event) => {
      try {
        e.record(event);
      } catch (error) {
        e.report(error, "record");
      }
    };
  }

  /** ChatKit's 13 handlers, as one stable plain object to spread into useChatKit's options. */
  handlers() {
    const e = engine(this);
    e.mark = e.mark || now();
    return e.h;
  }

  track(type, data) {
    if (typeof type !== "string" || !type) throw bad("track: type must be a non-empty string");
    if (data !== undefined && (data === null || typeof data !== "object")) throw bad("track: data must be an object");
    engine(this).in(type, data);
  }

  metrics() {
    return engine(this).metrics();
  }

  flush() {
    return engine(this).flush();
  }

  dispose() {
    engine(this).dispose();
  }

  },
);

/**
 * Merges handler sets into one: every set's handler runs, in order; one that throws (or
 * rejects) never stops the others, and its error goes to the analytics' onError.
 */
export function composeHandlers(...sets) {
  const list = sets.filter(Boolean);
  const reporters = list.map((s) => s[REPORT]).filter(Boolean);
  const report = (error, name) => {
    if (!reporters.length) {
      // No analytics among the sets: ChatKit-style onError handlers get it, else the console.
      const handlers = list.map((s) => s.onError).filter((f) => typeof f === "function");
      if (!handlers.length) return dev(error);
      for (const f of handlers) {
        try {
          f({ error });
        } catch {
          // An onError handler that throws cannot be reported further.
        }
      }
    }
    for (const r of reporters) r(error, "handler:" + name);
  };
  const out = {};
  for (const set of list) {
    if (typeof set !== "object") throw glueError("invalid_config", "composeHandlers: every argument must be a handler object");
    for (const name of Object.keys(set)) {
      if (typeof set[name] !== "function") throw glueError("invalid_config", `composeHandlers: ${name} must be a function`);
      if (out[name]) continue;
      const fns = list.map((s) => s[name]).filter(Boolean);
      out[name] = (...args) => {
        for (const f of fns) {
          try {
            const r = f(...args);
            if (r && typeof r.then === "function") r.then(undefined, (error) => report(error, name));
          } catch (error) {
            report(error, name);
          }
        }
      };
    }
  }
  if (reporters.length) Object.defineProperty(out, REPORT, { value: (error, source) => reporters.forEach((r) => r(error, source)) });
  return out;
}
