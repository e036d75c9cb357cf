// ChatKitAnalytics: ChatKit's events and the library's own (tool calls, secret fetches,
// auth fetch) paired, counted, redacted and delivered in batches. Every rule lives in the
// Rust core (src/core/analytics: options and their defaults, pairing, metrics, redaction,
// sampling, the queue, its retry policy and Retry-After); this file timestamps every
// event at once, holds events until the module is loaded and replays them in order, and
// carries out the sends and timers the core asks for. Calls cross as numbers, with text in
// the module's I/O buffer: an event's data as the text of one JSON.stringify. Events are
// staged (their text in one string, their numbers in one array) and cross in runs: at the
// end of the task (a microtask), when a run is full, and before anything reads the core
// (metrics, a send, flush, dispose), so a burst costs one encodeInto and one call per run.
import wasmModule from "#module/analytics";
import { ERROR_NAME, disposable, glueError, internalError, isGlueError } from "./errors.js";
import { withTimeout } from "./timeout.js";
import { putValue, trapListeners } from "./module.js";
import { DEFAULT_MAX_QUEUE, TIMED } from "./analytics-limits.js";

// ChatKit's events (@openai/chatkit's ChatKitEvents without "chatkit."), in its order.
// Each becomes the handler @openai/chatkit-react derives: "thread.load.start" -> onThreadLoadStart.
const EVENTS = /* @__PURE__ */ "ready error effect deeplink response.start response.end history.open history.close thread.change thread.load.start thread.load.end tool.change log".split(
    " ",
  );
const handlerName = (type) => "on" + type.replace(/(^|\.)(\w)/g, (_, dot, c) => c.toUpperCase());

// A handler set made by handlers() carries its analytics' reporter under this key (not
// enumerable: spreading the set into useChatKit's options leaves it behind).
const REPORT = /* @__PURE__ */ Symbol.for("chatkit-glue.analytics.report");
// How the core is asked for a batch (analytics_take).
const NORMAL = 0;
const FLUSH = 1;
const HIDE = 2; // the first of a page-hide round; 3: the next ones
const SEP = "\x1f";
// Held before the module is there: reports whose messages the core has not redacted yet.
const HELD_REPORTS = 100;
// A run of staged events crosses at the latest at this many events or UTF-16 code units of
// text (bounding what a synchronous burst holds on the JS side and the I/O buffer's room);
// each event has five numbers (EVENT_NUMBERS in src/bind/analytics.rs).
const RUN = 256;
const RUN_TEXT = 16384;
const NUMBERS = 5;

const now = () => performance.now();
const isTrap = (error) => typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
const bad = (message) => glueError("invalid_config", "ChatKitAnalytics: " + message);

function dev(error) {
  try {
    if (process.env.NODE_ENV !== "production") console.error("[chatkit-glue]", error);
  } catch {
    // No `process`: not a development build.
  }
}

// Reading a field of a value the app handed over (a throwing getter reads as absent).
function field(o, key) {
  try {
    return o != null ? o[key] : undefined;
  } catch {
    return undefined;
  }
}

class Engine {
  constructor(options) {
    // The options as given, read by the core when the module is there; a plain object is
    // copied (with a random session id when it has none), so later edits change nothing.
    let o = options;
    if (o !== null && typeof o === "object" && !Array.isArray(o)) {
      o = { ...o };
      if (o.sessionId === undefined) {
        o.sessionId = globalThis.crypto?.randomUUID?.() || Date.now().toString(36) + Math.random().toString(36).slice(2);
      }
    } else if (o === undefined) {
      o = { sessionId: globalThis.crypto?.randomUUID?.() || Date.now().toString(36) + Math.random().toString(36).slice(2) };
    }
    this.o = o;
    const get = (key) => (o !== null && typeof o === "object" ? o[key] : undefined);
    const fn = (key) => (typeof get(key) === "function" ? get(key) : null);
    // What the facade itself needs: the consent switch (nothing loads when it is off), the
    // functions it calls, and how many events to hold before the module is there.
    this.off = get("enabled") === false;
    this.sink = fn("sink");
    this.beforeSend = fn("beforeSend");
    this.onError = fn("onError");
    this.endpoint = get("endpoint");
    this.logData = get("captureLogData") !== false;
    const max = get("maxQueue");
    this.hold = typeof max === "number" && max >= 1 ? max : DEFAULT_MAX_QUEUE;
    this.born = now();
    this.mark = 0;
    this.id = -1;
    this.raw = null;
    this.pending = [];
    this.reports = [];
    this.lost = 0;
    this.flights = new Set();
    this.timer = 0;
    this.timerAt = Infinity;
    this.last = "";
    this.busy = false;
    this.due = 0;
    // The staged run: its text, its numbers, how many events, and whether a microtask
    // will hand it over.
    this.st = "";
    this.sn = new Float64Array(RUN * NUMBERS);
    this.sc = 0;
    this.armed = false;
    this.tick = () => {
      this.armed = false;
      this.commit(true);
    };
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
    // With the module already there, bad options throw here; otherwise they are reported
    // when it loads (onError, the console in development, and flush()).
    if (!this.off && wasmModule.raw && !wasmModule.trapped) this.start();
  }

  // Every event enters here, timestamped at once (epoch ms, and monotonic for the types the
  // core pairs).
  in(type, data, duration) {
    if (this.disposed || this.off) return;
    if (this.failed || this.trapped) return void this.lost++;
    const at = Date.now();
    // The monotonic clock costs a browser more than the rest of staging an event: it is
    // read only for the types the core times (TIMED, generated from the core); the others
    // get the time their run crosses.
    const mono = TIMED.has(type) ? now() : NaN;
    if (this.id >= 0 && !this.pending.length) return this.step(type, data, duration, at, mono);
    if (this.pending.length >= this.hold) {
      this.pending.shift();
      this.lost++;
    }
    this.pending.push([type, data, duration, at, mono]);
    if (!this.busy && this.ensure()) this.drain();
  }

  // True once the engine runs; otherwise starts loading the module (events wait).
  ensure() {
    if (this.id >= 0) return true;
    if (this.loading || this.failed || this.trapped) return false;
    let ns = null;
    try {
      ns = wasmModule.get();
    } catch (error) {
      this.fail(error, "load");
      return false;
    }
    if (ns) return this.begin();
    this.loading = true;
    wasmModule.load().then(
      () => {
        this.loading = false;
        if (!this.disposed && this.begin()) this.drain();
      },
      (error) => {
        this.loading = false;
        this.fail(error, "load");
      },
    );
    return false;
  }

  // Starts the engine once the module is there; a problem (bad options) stops it.
  begin() {
    try {
      this.start();
      return true;
    } catch (error) {
      this.fail(error, "options");
      return false;
    }
  }

  start() {
    const n = wasmModule.call((raw) => raw.analytics_new(putValue(wasmModule, this.o), this.mark || this.born));
    if (n < 0) throw wasmModule.error();
    this.raw = wasmModule.raw;
    this.sending = n % 2 === 1;
    this.id = (n - (n % 2)) / 2;
    this.timeout = this.raw.analytics_send_timeout(this.id);
    this.watch();
    this.listen();
    this.release();
  }

  // The module did not load, or the options were refused: what waits is counted lost,
  // and flush() rejects with the options' error.
  fail(error, source) {
    this.failed = true;
    if (source === "options") this.failure = error;
    this.lost += this.pending.length;
    this.pending = [];
    this.report(error, source);
    this.release();
  }

  // Reports held until the module was there: told now that their messages can be
  // redacted, or dropped when the module did not load (they could not be).
  release() {
    const held = this.reports;
    this.reports = [];
    if (wasmModule.raw && !wasmModule.trapped) for (const [error, source] of held) this.report(error, source);
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
      this.lost += this.pending.length + this.sc;
      this.pending = [];
      this.sc = 0;
      this.st = "";
    };
    trapListeners.add(this.onTrap);
  }

  // Replays the events held while the module loaded, in order (re-entrant ones, from
  // onError or a toJSON, wait behind them), then hands them over.
  drain() {
    if (this.busy) return;
    while (this.pending.length && this.id >= 0 && !this.trapped) {
      const [type, data, duration, at, mono] = this.pending.shift();
      this.step(type, data, duration, at, mono);
    }
    this.commit(true);
    this.schedule();
  }

  // One event into the staged run; a trap stops the engine, anything else is reported.
  step(type, data, duration, at, mono) {
    try {
      this.stage(type, data, duration, at, mono);
    } catch (error) {
      if (isTrap(error)) throw wasmModule.trap(error);
      this.report(error, "analytics");
    }
  }

  stage(type, data, duration, at, mono) {
    let error = null;
    if (type === "error") {
      error = this.toError(data && "error" in data ? data.error : data);
      data = { name: error.name, message: error.message, code: error.code };
    } else if (type === "log" && !this.logData) {
      data = { name: data && data.name };
    }
    // The data crosses once, as JSON text before the type: 1 JSON, 2 it could not be
    // encoded, 0 none.
    let kind = 0;
    let json = "";
    if (data != null) {
      try {
        const text = JSON.stringify(data);
        if (text !== undefined) {
          kind = 1;
          json = text;
        }
      } catch {
        kind = 2;
      }
    }
    let n = this.sn;
    const k = this.sc * NUMBERS;
    if (k === n.length) {
      // Past a run only while a run is being handed over (what beforeSend or a sink
      // stages waits behind it).
      (this.sn = new Float64Array(2 * k)).set(n);
      n = this.sn;
    }
    n[k] = kind;
    n[k + 1] = type.length;
    n[k + 2] = at;
    n[k + 3] = mono;
    n[k + 4] = typeof duration === "number" ? duration : NaN;
    this.sc++;
    this.st += json + SEP + type;
    if (error) this.report(error, "chatkit");
    if (this.sc >= RUN || this.st.length >= RUN_TEXT) this.commit(true);
    else if (!this.armed) {
      this.armed = true;
      queueMicrotask(this.tick);
    }
  }

  // Hands the staged events to the core in runs, then (with `act`) sends or schedules
  // what the core says is due. Not while a run is being handed over: what a callback
  // stages then follows it.
  commit(act) {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.sc && this.id >= 0 && !this.trapped) {
        const count = this.sc;
        const text = this.st;
        this.sc = 0;
        this.st = "";
        let len = 0;
        try {
          len = wasmModule.put(text, new Uint8Array(this.sn.buffer, 0, count * NUMBERS * 8));
        } catch (error) {
          this.lost += count;
          throw error;
        }
        const mono = now();
        this.answer(this.raw.analytics_observe(this.id, len, count, mono), mono, "queue");
        if (!act) continue;
        if (this.due === 1) this.send(NORMAL);
        else if (this.due === 2 && !this.timer) this.schedule();
      }
    } catch (error) {
      this.report(isTrap(error) ? wasmModule.trap(error) : error, "analytics");
    } finally {
      this.busy = false;
    }
  }

  // An answer `error pending + 2 * due + 8 * emitted`: the error is reported, the emitted
  // events (lines of JSON in the buffer) go through beforeSend, and `due` (0 nothing to
  // send, 1 now, 2 later) is kept for the caller to act on.
  answer(n, mono, source) {
    const error = n % 2;
    this.due = ((n - error) / 2) % 4;
    const lines = n >= 8 ? wasmModule.text().split("\n") : null;
    if (error) this.check(source);
    if (lines) for (const json of lines) this.before(json, mono);
  }

  // beforeSend sees the event as it will be sent (redacted); null drops it, nothing keeps
  // it as edited. What it returns is redacted again by the core.
  before(json, mono) {
    let event = JSON.parse(json);
    try {
      const edited = this.beforeSend(event);
      if (edited === null) return;
      if (edited !== undefined) event = edited;
    } catch (error) {
      this.report(error, "beforeSend");
      wasmModule.call((raw) => raw.analytics_lose(this.id));
      return;
    }
    const value = {};
    for (const key of ["type", "id", "at", "sessionId", "threadId", "durationMs"]) value[key] = field(event, key);
    const data = field(event, "data");
    if (data != null) {
      try {
        value.data = JSON.stringify(data);
      } catch {
        value.unencodable = true;
      }
    }
    this.answer(wasmModule.call((raw) => raw.analytics_encode(this.id, putValue(wasmModule, value), mono)), mono, "queue");
  }

  // Reports the core's pending error. Its messages never hold a secret (counts and fixed
  // text), and a consecutive duplicate (a full queue on every event) is dropped before an
  // Error is built for it.
  check(source) {
    while (wasmModule.call((raw) => raw.analytics_error(this.id)) < 0) {
      const text = wasmModule.text();
      let at = -1;
      for (let k = 0; k < 4; k++) at = text.indexOf(SEP, at + 1);
      if (this.key(source, ERROR_NAME, text.slice(at + 1)) !== this.last) this.tell(wasmModule.error(), source);
    }
  }

  key(source, name, message) {
    return source + "\n" + name + "\n" + message;
  }

  schedule() {
    if (this.id < 0 || this.disposed || this.trapped) return;
    const due = wasmModule.call((raw) => raw.analytics_due(this.id, now()));
    if (due < 0) return;
    if (due === 0) return void this.send(NORMAL);
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

  // Sends the next batch (NORMAL, FLUSH), or, as the page hides, every batch the core
  // fits in the keepalive budget. Resolves true when the batch was delivered.
  send(mode) {
    // What is staged goes first (a page-hide send takes it with the rest).
    this.commit(false);
    for (let first = true; ; first = false) {
      const how = mode === HIDE && !first ? HIDE + 1 : mode;
      const id = wasmModule.call((raw) => raw.analytics_take(this.id, how, Date.now(), now()));
      if (!id) return;
      const flight = this.deliver(id, wasmModule.text(), mode === HIDE);
      this.flights.add(flight);
      flight.then(() => this.flights.delete(flight));
      if (mode !== HIDE) return flight;
    }
  }

  async deliver(id, body, hide) {
    const source = this.sink ? "sink" : "endpoint";
    let status = 0;
    let retryAfter = "";
    let date = "";
    try {
      if (this.sink) {
        // A sink that returns no promise has taken the batch: no deadline to keep.
        const result = this.sink(JSON.parse(body).events);
        await (result && typeof result.then === "function" ? withTimeout(result, this.timeout) : undefined);
        status = 200;
      } else if (hide && !(typeof Request === "function" && "keepalive" in Request.prototype)) {
        // No keepalive fetch: a beacon (text/plain is CORS-simple). False means the page's
        // keepalive budget is full: the events stay queued.
        status = navigator.sendBeacon(this.endpoint, body) ? 200 : -1;
      } else {
        const response = await withTimeout(
          (signal) =>
            fetch(this.endpoint, {
              method: "POST",
              body,
              keepalive: hide,
              signal,
              headers: { "content-type": "application/json" },
            }),
          this.timeout,
        );
        status = response.status;
        retryAfter = response.headers.get("retry-after") || "";
        date = response.headers.get("date") || "";
      }
    } catch (error) {
      this.report(error, source);
    }
    try {
      if (this.id < 0 || this.trapped) return false;
      const n = wasmModule.call((raw) =>
        raw.analytics_settle(this.id, id, status, now(), Date.now(), Math.random(), retryAfter || date ? wasmModule.put(retryAfter + SEP + date) : 0),
      );
      if (n % 2) this.check(source);
      this.schedule();
    } catch (error) {
      this.report(error, "analytics");
    }
    return status >= 200 && status < 300;
  }

  listen() {
    if (typeof addEventListener !== "function" || typeof document === "undefined" || !this.sending) return;
    const hide = () => this.id >= 0 && !this.trapped && this.send(HIDE);
    const visibility = () => document.visibilityState === "hidden" && hide();
    addEventListener("pagehide", hide);
    document.addEventListener("visibilitychange", visibility);
    this.unlisten = () => {
      removeEventListener("pagehide", hide);
      document.removeEventListener("visibilitychange", visibility);
    };
  }

  // A message with its token-shaped substrings replaced by the core.
  redact(text) {
    return wasmModule.call((raw) => (raw.analytics_redact(wasmModule.put(text)), wasmModule.text()));
  }

  // Normalises to an Error with a redacted message; an Error whose message needs no
  // redaction is passed on as it is.
  toError(value) {
    if (value instanceof Error) {
      const message = this.redact(String(value.message));
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
    return new Error(this.redact(message));
  }

  report(error, source) {
    // A trap reaches here from every call that meets it: onError hears of it once, and
    // of nothing else from this module afterwards.
    const trap = wasmModule.trapped;
    if (error === trap || error === this.trapReported) {
      if (this.trapReported === error) return;
      this.trapReported = error;
      return this.tell(error, source);
    }
    if (trap) return;
    // Messages are redacted by the core: before the module is there, reports wait for it
    // (and ask for it). When it is not coming (a load failure, enabled: false), only the
    // library's own errors, whose messages hold no secrets, are told.
    if (!wasmModule.raw) {
      if (this.failed || this.off) return void (isGlueError(error) && this.tell(error, source));
      if (this.reports.length < HELD_REPORTS) this.reports.push([error, source]);
      if (!this.busy && this.ensure()) this.drain();
      return;
    }
    let e;
    try {
      e = this.toError(error);
    } catch {
      return;
    }
    this.tell(e, source);
  }

  tell(e, source) {
    try {
      const key = this.key(source, e.name, e.message);
      // Consecutive duplicates (a failing sink on every retry) are reported once.
      if (key === this.last) return;
      this.last = key;
      if (this.onError) this.onError(e, { source });
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
    let m;
    this.commit(true);
    if (this.id >= 0 || this.trapped) {
      const at = wasmModule.call((raw) => raw.analytics_metrics(this.id));
      const v = new Float64Array(this.raw.memory.buffer, at, 16);
      const q = (i) => (Number.isNaN(v[i]) ? null : { p50: v[i], p90: v[i + 1], p99: v[i + 2], max: v[i + 3] });
      m = {
        responses: v[0],
        errors: v[1],
        abandoned: v[2],
        responseMs: q(3),
        timeToReadyMs: Number.isNaN(v[7]) ? null : v[7],
        threadLoadMs: q(8),
        toolCalls: v[12],
        dropped: v[13],
        sent: v[14],
        queued: v[15],
      };
    } else {
      m = { responses: 0, errors: 0, abandoned: 0, responseMs: null, timeToReadyMs: null, threadLoadMs: null, toolCalls: 0, dropped: 0, sent: 0, queued: 0 };
    }
    m.dropped += this.lost;
    m.queued += this.pending.length + this.sc;
    return m;
  }

  // Settles with `internal` as soon as the module traps, whatever it was waiting for.
  flush() {
    if (this.disposed) return Promise.reject(glueError("aborted", "ChatKitAnalytics.flush: the analytics object was disposed"));
    const trapped = this.trapped || wasmModule.trapped;
    if (trapped) return Promise.reject(trapped);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const done = wasmModule.track(reject);
      this.drainAll().then(
        () => {
          done();
          if (this.trapped) reject(this.trapped);
          else if (this.failure) reject(this.failure);
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
    if (this.id < 0 && this.loading) await wasmModule.load().catch(() => {});
    this.commit(true);
    while (this.id >= 0 && !this.disposed && !this.trapped) {
      if (this.flights.size) {
        await Promise.all(this.flights);
        continue;
      }
      const flight = this.send(FLUSH);
      if (!flight || !(await flight)) return;
    }
  }

  dispose() {
    if (this.disposed) return;
    // After a trap the module's state is not to be trusted: nothing more is asked of it.
    const id = this.trapped ? -1 : this.id;
    if (id >= 0) {
      this.commit(false);
      try {
        // A running response is abandoned; what is queued leaves as the page would.
        const n = wasmModule.call((raw) => raw.analytics_dispose(id, Date.now(), now()));
        this.answer(n, now(), "queue");
        this.send(HIDE);
        this.final = this.metrics();
      } catch (error) {
        this.report(error, "analytics");
      }
    }
    this.disposed = true;
    if (this.onTrap) trapListeners.delete(this.onTrap);
    clearTimeout(this.timer);
    if (this.unlisten) this.unlisten();
    this.lost += this.pending.length + this.sc;
    this.pending = [];
    this.sc = 0;
    this.st = "";
    this.id = -1;
    if (id >= 0) wasmModule.call((raw) => raw.analytics_free(id));
  }
}

const engines = new WeakMap();
const engine = (analytics) => engines.get(analytics);

/** Event analytics and error tracking for ChatKit; see index.d.ts. */
export const ChatKitAnalytics = /* @__PURE__ */ disposable(
  class ChatKitAnalytics {
  constructor(options) {
    wasmModule.use();
    const e = new Engine(options);
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
    if (!e.mark) {
      e.commit(true);
      e.mark = now();
      if (e.id >= 0 && !wasmModule.trapped) wasmModule.call((raw) => raw.analytics_mark(e.id, e.mark));
    }
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
