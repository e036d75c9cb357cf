// createAuthFetch: the fetch for ChatKit's custom backend (`api.fetch`). Every rule
// (options, which origins get the token, the token check, the single-flight refresh,
// which bodies replay, the deadlines and what each failure becomes) lives in the Rust
// core's `Client`; this file performs what it asks: the Request, fetch, timers, the
// caller's signal and the body stream. It hands back a plain function (ChatKit
// re-initialises on anything else).
import m from "#module/auth_fetch";
import { putValue } from "./module.js";

const SEP = "\x1f";
// auth_fetch_status answers kind + 8 * flight.
const JOIN = 1;
const REFRESH = 2;
const REPLAY = 4;

const dev = () => {
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return true; // no `process` (a page without a bundler): development
  }
};

/** Each allowedOrigins entry as the platform's URL parser writes it ("" where it refuses one). */
function normalised(options) {
  const list = options !== null && typeof options === "object" ? options.allowedOrigins : undefined;
  return Array.isArray(list)
    ? list.map((entry) => {
        try {
          if (typeof entry === "string") return new URL(entry).href;
        } catch {
          // refused by the core as not an origin
        }
        return "";
      })
    : [];
}

function pageOrigin() {
  try {
    const origin = globalThis.location && globalThis.location.origin;
    return typeof origin === "string" ? origin : "";
  } catch {
    return "";
  }
}

/** A credential callback's answer: [kind, text, cause] for the core (0 none, 1 text, 2 not a string, 3 threw). */
function ask(f) {
  let value;
  try {
    value = f();
  } catch (error) {
    return Promise.resolve([3, "", error]);
  }
  return Promise.resolve(value).then(
    (v) => (v === null || v === undefined ? [0, ""] : typeof v === "string" ? [1, v] : [2, ""]),
    (error) => [3, "", error],
  );
}

/** What a request body is made of, for the core's replay rule: [code, tag]. */
function bodyOf(input, init) {
  const body = init !== null && typeof init === "object" ? init.body : undefined;
  if (body === undefined) return [typeof Request === "function" && input instanceof Request && input.body !== null ? 2 : 0, ""];
  if (body === null) return [0, ""];
  const t = typeof body;
  if (t === "string" || t === "number" || t === "boolean") return [1, ""];
  let tag = "";
  try {
    tag = String(body[Symbol.toStringTag] || "");
  } catch {
    // a throwing getter: not replayed
  }
  return [3, tag];
}

/**
 * Options are checked on the first call, when the module loads: creating the function
 * does nothing else, so it is safe at module scope and during a server prerender. Bad
 * options reject every call with `invalid_config` (logged once in development).
 */
export function createAuthFetch(options) {
  m.use();
  const fns = options !== null && typeof options === "object" ? options : {};
  const onEvent = typeof fns.onEvent === "function" ? fns.onEvent : null;
  let handle = -1;
  let failure = null;
  /** Refreshes in flight by the core's flight id: the one promise each 401 shares. */
  const flights = new Map();

  const make = () => {
    if (handle >= 0) return handle;
    if (failure) throw failure;
    try {
      const n = m.call((raw) => raw.auth_fetch_new(putValue(m, [options, pageOrigin(), ...normalised(options)])));
      if (n < 0) throw m.error();
      handle = n;
    } catch (error) {
      failure = error;
      // A trap was logged once already, by the module.
      if (dev() && error !== m.trapped) console.error(error);
      throw error;
    }
    return handle;
  };

  const emit = () => {
    if (!onEvent) return;
    for (;;) {
      const len = m.call((raw) => raw.auth_fetch_event(handle));
      if (!len) return;
      const [phase, origin, status] = m.text().split(SEP);
      try {
        onEvent(status ? { kind: "fetch", phase, origin, status: Number(status) } : { kind: "fetch", phase, origin });
      } catch (error) {
        if (dev()) console.error("chatkit-glue: createAuthFetch onEvent threw", error);
      }
    }
  };

  /** An answer from the core: text when positive, "" for 0, the error in the buffer when negative. */
  const answer = (n, cause) => {
    if (n < 0) throw m.error(cause);
    return n ? m.text() : "";
  };

  /** The refresh of `rejected`: resolves to the new token or null; rejects with `unauthorized`. */
  const refresh = (flight, rejected, callback) => {
    const p = ask(callback).then(([kind, text, cause]) =>
      answer(m.call((raw) => raw.auth_fetch_refreshed(handle, kind, m.put(rejected + SEP + text))), cause) || null,
    );
    flights.set(flight, p);
    p.then(
      () => flights.delete(flight),
      () => flights.delete(flight),
    );
    return p;
  };

  function run(input, init) {
    const h = make();
    const fetchFn = fns.fetch || globalThis.fetch;
    if (typeof fetchFn !== "function") throw answerError(m.call((raw) => raw.auth_fetch_failed(0, 3, 0)));
    // What fetch itself would throw for bad arguments (a TypeError) passes through.
    const request = new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const n = m.call((raw) => raw.auth_fetch_begin(h, m.put(request.url), request.headers.has("authorization")));
    if (n < 0) throw m.error();
    const id = Math.floor(n / 2);
    const ours = n % 2 === 1;
    const controller = new AbortController();
    const follow = () => controller.abort(signal.reason);
    signal.addEventListener("abort", follow);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      signal.removeEventListener("abort", follow);
      // After a trap the module is never called again; the request still settles.
      if (!m.trapped) m.call((raw) => raw.auth_fetch_end(id));
    };

    const send = (req) =>
      Promise.resolve()
        .then(() => fetchFn.call(fns.fetch ? undefined : globalThis, req, { signal: controller.signal }))
        .catch((error) => {
          if (controller.signal.aborted) throw controller.signal.reason;
          throw answerError(m.call((raw) => raw.auth_fetch_failed(id, 0, 0)), error);
        });

    const untilHeaders = async () => {
      if (!ours) return send(request);
      const [kind, text, cause] = await ask(fns.token);
      const header = answer(m.call((raw) => raw.auth_fetch_token(id, kind, m.put(text))), cause);
      if (!header) return send(request);
      request.headers.set("authorization", header);
      const response = await send(request);
      const next = m.call((raw) => raw.auth_fetch_status(id, response.status));
      emit();
      const kindOf = next % 8;
      const flight = (next - kindOf) / 8;
      let token;
      if (kindOf === 0) return response;
      if (kindOf === REPLAY) token = m.text();
      else if (kindOf === JOIN) token = await flights.get(flight);
      else {
        const rejected = answer(m.call((raw) => raw.auth_fetch_sent(id)));
        token = await refresh(flight, rejected, kindOf === REFRESH && fns.refreshToken ? fns.refreshToken : fns.token);
      }
      if (!token) return response;
      const [code, tag] = bodyOf(input, init);
      const replay = answer(m.call((raw) => raw.auth_fetch_replay(id, code, m.put(token + SEP + tag))));
      emit();
      if (!replay) return response;
      response.body?.cancel().catch(() => {});
      const again = new Request(input, init);
      again.headers.set("authorization", replay);
      return send(again);
    };

    return new Promise((resolve, reject) => {
      let settled = false;
      const release = m.track((error) => fail(error));
      const stop = () => {
        settled = true;
        clearTimeout(timer);
        release();
        signal.removeEventListener("abort", onAbort);
      };
      const fail = (error) => {
        if (settled) return;
        stop();
        end();
        reject(error);
      };
      const onAbort = () => fail(signal.reason);
      signal.addEventListener("abort", onAbort);
      const timer = setTimeout(() => {
        try {
          const error = answerError(m.call((raw) => raw.auth_fetch_failed(id, 1, 0)));
          emit();
          controller.abort(error);
          fail(error);
        } catch (error) {
          fail(error);
        }
      }, m.call((raw) => raw.auth_fetch_headers_ms(h)));
      untilHeaders().then((response) => {
        if (settled) {
          response.body?.cancel().catch(() => {});
          return;
        }
        stop();
        try {
          resolve(passThrough(response, id, h, controller, end));
        } catch (error) {
          end();
          reject(error);
        }
      }, fail);
    });
  }

  /** A failure the core built (its answer is always negative): the error in the buffer. */
  const answerError = (_n, cause) => m.error(cause);

  /** The response, its body streamed through chunk by chunk with the idle deadline. */
  function passThrough(response, id, h, controller, end) {
    const status = response.status;
    const body = response.body;
    if (!body || status < 200 || status > 599 || [101, 103, 204, 205, 304].includes(status)) {
      end();
      return response;
    }
    const idleMs = m.call((raw) => raw.auth_fetch_idle_ms(h));
    let reader = null;
    let done = false;
    const finish = () => {
      done = true;
      end();
    };
    const stream = new ReadableStream(
      {
        pull(c) {
          if (done) return;
          reader ||= body.getReader();
          return new Promise((settle) => {
            const idle = setTimeout(() => {
              if (done) return settle();
              let error;
              try {
                error = answerError(m.call((raw) => raw.auth_fetch_failed(id, 2, status)));
                emit();
              } catch (e) {
                error = e;
              }
              finish();
              c.error(error);
              controller.abort(error);
              reader.cancel(error).catch(() => {});
              settle();
            }, idleMs);
            reader.read().then(
              (chunk) => {
                clearTimeout(idle);
                if (done) return settle();
                if (chunk.done) {
                  finish();
                  c.close();
                } else c.enqueue(chunk.value);
                settle();
              },
              (error) => {
                clearTimeout(idle);
                if (!done) {
                  finish();
                  c.error(error);
                }
                settle();
              },
            );
          });
        },
        cancel(reason) {
          finish();
          return reader ? reader.cancel(reason) : body.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    const out = new Response(stream, { status, statusText: response.statusText, headers: response.headers });
    for (const key of ["url", "redirected", "type"]) Object.defineProperty(out, key, { value: response[key] });
    return out;
  }

  return function authFetch(input, init) {
    try {
      if (handle >= 0 || m.get()) return run(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    return m.load().then(() => run(input, init));
  };
}
