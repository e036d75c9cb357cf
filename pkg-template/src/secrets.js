// ClientSecretSource: getClientSecret for hosted ChatKit. Every rule (options, cache,
// refresh guard, expiry, backoff, Retry-After, the 401 sequence, what an answer means)
// lives in the Rust core's `Source`; this file performs what it asks (call authToken,
// POST, sleep) with promises, timers and AbortSignals, and reports back with the time.
// The first /start request leaves without waiting for the module: the core reads the
// answer when the module is there.
import secrets from "#module/secrets";
import { disposable, glueError } from "./errors.js";
import { putValue } from "./module.js";

// What the core answers: kind + 8 * arg (a negative number: an error in the buffer).
const SECRET = 0;
const TOKEN = 1;
const SEND_START = 2;
const SEND_REFRESH = 3;
const WAIT = 4;
const SEP = "\x1f";

const state = new WeakMap();
const aborted = () => glueError("aborted", "getClientSecret was aborted: clear() or dispose() was called");

/** An observer callback threw: the operation goes on; development logs it. */
export function observerFailed(name, error) {
  try {
    if (process.env.NODE_ENV === "production") return;
  } catch {
    // no `process` (a page without a bundler): development
  }
  console.error(`chatkit-glue: ${name} threw`, error);
}

/** The POST the core asked for. Lower-case header names, so ours replace the app's. */
function post(o, endpoint, token, replacing, signal) {
  const headers = {};
  if (o && o.headers && typeof o.headers === "object") {
    for (const [k, v] of Object.entries(o.headers)) headers[k.toLowerCase()] = v;
  }
  headers["content-type"] ||= "application/json";
  if (token) headers.authorization = "Bearer " + token;
  const url = endpoint === SEND_REFRESH ? o?.refreshUrl || "/api/chatkit/refresh" : o?.startUrl || "/api/chatkit/start";
  return fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify(replacing ? { currentClientSecret: replacing } : {}),
    signal,
    credentials: o?.credentials || "same-origin",
  }).then(async (r) => {
    // The body as JSON.parse reads it (numbers exact), or its text when it is not JSON.
    const answer = { date: r.headers.get("date") ?? undefined, retryAfter: r.headers.get("retry-after") ?? undefined };
    const text = await r.text();
    try {
      answer.json = JSON.parse(text);
    } catch {
      answer.text = text;
    }
    return [r.status, answer];
  });
}

/** Calls `authToken()`: its promise, or a rejected one when it threw synchronously. */
function askToken(o) {
  try {
    return Promise.resolve(o.authToken());
  } catch (error) {
    return Promise.reject(error);
  }
}

class Flight {
  constructor(s) {
    this.s = s;
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.timer = undefined;
    this.controller = null;
    this.cause = undefined;
    this.release = secrets.track((error) => this.end(undefined, error));
  }

  // Carries out the core's answer `n`, until it says resolve or reject.
  step(n) {
    const s = this.s;
    if (s.flight !== this) return;
    // The answer's text first: reading the events reuses the module's buffer.
    const failure = n < 0 && secrets.error(this.cause);
    const kind = n % 8;
    const text = kind !== TOKEN && kind !== WAIT && secrets.text();
    emit(s);
    if (failure) return this.end(undefined, failure);
    const ms = (n - kind) / 8;
    if (kind === SECRET) return this.end(text);
    if (kind === WAIT) {
      this.timer = setTimeout(() => this.report((h, now) => secrets.raw.secrets_resume(h, now)), ms);
      return;
    }
    if (kind === TOKEN) {
      const early = s.early && s.early.token;
      const work = early || askToken(s.options);
      if (s.early) s.early.token = null;
      return this.race(work, ms, (value, now, h) => {
        if (value.ok) {
          const t = value.value;
          if (t == null) return secrets.raw.secrets_token(h, now, 0, -1);
          if (typeof t !== "string") return secrets.raw.secrets_token(h, now, 2, -1);
          return secrets.raw.secrets_token(h, now, 0, secrets.put(t));
        }
        this.cause = value.error;
        return secrets.raw.secrets_token(h, now, 1, -1);
      });
    }
    // SEND_START or SEND_REFRESH: "token \x1f replacing" in the buffer.
    const cut = text.indexOf(SEP);
    const token = text.slice(0, cut) || null;
    const replacing = text.slice(cut + 1) || null;
    let work;
    const early = s.early && s.early.sent;
    if (early && kind === SEND_START && early.token === token) {
      work = early.reply;
      this.controller = early.controller;
    } else {
      if (early) early.controller.abort();
      this.controller = new AbortController();
      work = post(s.options, kind, token, replacing, this.controller.signal);
    }
    if (s.early) s.early = null;
    this.race(work, ms, (value, now, h) => {
      this.controller = null;
      if (!value.ok) return secrets.raw.secrets_network_error(h, now);
      const [status, answer] = value.value;
      return secrets.raw.secrets_reply(h, now, status, putValue(secrets, answer));
    });
  }

  // Waits for `work` within `ms`; then reports through `answer(result, now, handle)`.
  race(work, ms, answer) {
    let done = false;
    this.timer = setTimeout(() => {
      done = true;
      if (this.controller) this.controller.abort();
      this.controller = null;
      this.report((h, now) => secrets.raw.secrets_timed_out(h, now));
    }, ms);
    work.then(
      (value) => !done && (clearTimeout(this.timer), this.report((h, now) => answer({ ok: true, value }, now, h))),
      (error) => !done && (clearTimeout(this.timer), this.report((h, now) => answer({ ok: false, error }, now, h))),
    );
  }

  report(call) {
    const s = this.s;
    if (s.flight !== this) return;
    let n;
    try {
      n = secrets.call(() => call(s.handle, Date.now()));
    } catch (error) {
      return this.end(undefined, error);
    }
    this.step(n);
  }

  end(secret, error) {
    const s = this.s;
    if (s.flight !== this) return;
    s.flight = null;
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
    this.release();
    if (error) this.reject(error);
    else this.resolve(secret);
  }
}

// Reports the core's events to onEvent (its errors never reach the operation).
function emit(s) {
  if (!s.onEvent) return;
  const text = secrets.call((raw) => (raw.secrets_events(s.handle), secrets.text()));
  if (!text) return;
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [op, phase, attempt, durationMs, status, code] = line.split(SEP);
    const e = { kind: "secret", op, phase, attempt: Number(attempt) };
    if (durationMs) e.durationMs = Number(durationMs);
    if (status) e.status = Number(status);
    if (code) e.code = code;
    try {
      s.onEvent(e);
    } catch (error) {
      observerFailed("onEvent", error);
    }
  }
}

// The core's source for `s`, made on first use; throws invalid_config for bad options.
function handle(s) {
  if (s.handle >= 0) return s.handle;
  if (s.failure) throw s.failure;
  const n = secrets.call((raw) => raw.secrets_new(putValue(secrets, s.options === undefined ? {} : s.options), typeof location !== "undefined", Math.random()));
  if (n < 0) throw (s.failure = secrets.error());
  return (s.handle = n);
}

function get(s, current) {
  if (s.disposed) return Promise.reject(aborted());
  if (s.flight) return s.flight.promise;
  let ns;
  try {
    ns = secrets.get();
  } catch (error) {
    return Promise.reject(error);
  }
  const epoch = s.epoch;
  if (!ns) {
    if (current == null && s.handle < 0 && !s.early) startEarly(s);
    return secrets.load().then(() => {
      if (s.disposed || s.epoch !== epoch) throw aborted();
      return get(s, current);
    }, (error) => {
      if (s.early) s.early.sent?.controller.abort();
      s.early = null;
      throw error;
    });
  }
  try {
    const h = handle(s);
    const now = s.early ? s.early.at : Date.now();
    const n = secrets.call((raw) => raw.secrets_get(h, now, typeof current === "string" ? secrets.put(current) : -1));
    if (n === SECRET) return Promise.resolve(secrets.text());
    const flight = (s.flight = new Flight(s));
    flight.step(n);
    return flight.promise;
  } catch (error) {
    if (s.early) s.early.sent?.controller.abort();
    s.early = null;
    return Promise.reject(error);
  }
}

// A fresh source's first request, before the module is there: exactly what the core asks
// first (authToken, if given, then POST /start with it); the core reads the answer.
function startEarly(s) {
  const o = s.options;
  if (o !== undefined && (o === null || typeof o !== "object")) return;
  const early = (s.early = { at: Date.now(), token: null, sent: null });
  const send = (token) => {
    if (s.early !== early) return;
    const controller = new AbortController();
    let reply;
    try {
      reply = post(o, SEND_START, token, null, controller.signal);
    } catch {
      return;
    }
    reply.catch(() => {});
    early.sent = { token, controller, reply };
  };
  if (o && typeof o.authToken === "function") {
    const token = askToken(o);
    token.catch(() => {});
    early.token = token;
    token.then((t) => typeof t === "string" && t && send(t), () => {});
  } else {
    send(null);
  }
}

/** Fetches, caches and refreshes hosted ChatKit client secrets; see index.d.ts. */
export const ClientSecretSource = /* @__PURE__ */ disposable(
  class ClientSecretSource {
  constructor(options) {
    const s = {
      options,
      onEvent: options && typeof options.onEvent === "function" ? options.onEvent : null,
      handle: -1,
      failure: null,
      flight: null,
      early: null,
      disposed: false,
      epoch: 0,
    };
    secrets.use();
    state.set(this, s);
    this.getClientSecret = (currentClientSecret) => get(s, currentClientSecret);
  }

  prefetch() {
    if (typeof document !== "undefined") this.getClientSecret(null).catch(() => {});
  }

  expiresAt() {
    const s = state.get(this);
    if (s.handle < 0) return null;
    const at = secrets.call((raw) => raw.secrets_expires_at(s.handle));
    return Number.isNaN(at) ? null : at;
  }

  clear() {
    const s = state.get(this);
    s.epoch++;
    if (s.early) s.early.sent?.controller.abort();
    s.early = null;
    const flight = s.flight;
    if (s.handle >= 0) {
      const n = secrets.call((raw) => raw.secrets_clear(s.handle, Date.now()));
      if (flight) {
        const error = n < 0 ? secrets.error() : aborted();
        emit(s);
        flight.end(undefined, error);
      }
    } else if (flight) {
      flight.end(undefined, aborted());
    }
  }

  dispose() {
    const s = state.get(this);
    if (s.disposed) return;
    this.clear();
    s.disposed = true;
    if (s.handle >= 0 && !secrets.trapped) secrets.call((raw) => raw.secrets_free(s.handle));
    s.handle = -1;
  }
  },
);
