// One WebAssembly module of the package (one per browser feature): loaded on first need,
// its trap state, and the UTF-8 crossing into its linear memory. The loaders
// (load.browser.js, load.node.js) create these; a feature's facade holds its own.
import { glueError, internalError } from "./errors.js";

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder();

/** Every module the page has used or preloaded: what `ready()` waits for. */
export const used = new Set();
/** Called once with the `internal` error when any module traps (analytics reports it). */
export const trapListeners = new Set();

const isTrap = (error) => typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;

export class Module {
  /**
   * @param {string} name the feature (`secrets`, `tools`, ...)
   * @param {object} ns wasm-bindgen's generated module for it
   * @param {() => Promise<object>} [start] loads it (browsers), resolving with the raw exports
   * @param {() => object} [startSync] loads it synchronously (Node), returning the raw exports
   */
  constructor(name, ns, start, startSync) {
    this.name = name;
    this.ns = ns;
    this.raw = null;
    this.trapped = null;
    this.failure = null;
    this._start = start;
    this._startSync = startSync;
    this._loading = null;
    this._waiting = new Set();
  }

  /** Marks the module as used by the page (no I/O): `preload()` and `ready()` include it. */
  use() {
    used.add(this);
    return this;
  }

  /** The generated module if loaded (Node: loads it now, throwing `load_failed`), else null. */
  get() {
    if (this.raw) return this.ns;
    if (this._startSync) {
      if (this.failure) throw this.failure;
      try {
        this.raw = this._startSync();
      } catch (error) {
        throw (this.failure = error);
      }
      return this.ns;
    }
    return null;
  }

  /** Resolves with the generated module, or rejects with `load_failed` (the same error every time). */
  load() {
    if (!this._loading) {
      this._loading = this._startSync
        ? new Promise((resolve) => resolve(this.get()))
        : this._start().then((raw) => {
            this.raw = raw;
            return this.ns;
          });
      // The failure is kept for every later caller; this copy is never reported as unhandled.
      this._loading.catch(() => {});
    }
    return this._loading;
  }

  /** Calls into the module: a trap fails this call and every pending one with `internal`. */
  call(fn) {
    if (this.trapped) throw this.trapped;
    try {
      return fn(this.raw);
    } catch (error) {
      throw isTrap(error) ? this.trap(error) : error;
    }
  }

  /** An async export's promise, also rejected with `internal` if the module traps meanwhile. */
  callAsync(fn) {
    let promise;
    try {
      promise = this.call(fn);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const done = this.track(reject);
      promise.then(
        (value) => {
          done();
          resolve(value);
        },
        (error) => {
          done();
          reject(isTrap(error) ? this.trap(error) : error);
        },
      );
    });
  }

  /** Registers the rejecter of a pending operation; returns its release. A trap calls it. */
  track(reject) {
    if (this.trapped) {
      reject(this.trapped);
      return () => {};
    }
    this._waiting.add(reject);
    return () => this._waiting.delete(reject);
  }

  // A trap (a bug inside the module) fails every pending and later call of this module
  // with `internal`, instead of running on state that can no longer be trusted. Logged once.
  trap(cause) {
    if (this.trapped) return this.trapped;
    const error = (this.trapped = internalError(cause));
    const waiting = [...this._waiting];
    this._waiting.clear();
    for (const reject of waiting) reject(error);
    console.error(error);
    for (const listener of trapListeners) listener(error);
    return error;
  }

  /** Writes `text` into the module's I/O buffer as UTF-8; returns its byte length. */
  put(text) {
    const raw = this.raw;
    const room = text.length * 3;
    const at = raw.io_reserve(room);
    if (!at && room) throw internalError(new Error("the module is out of memory"));
    return encoder.encodeInto(text, new Uint8Array(raw.memory.buffer, at, room)).written;
  }

  /** The text of the module's last answer. */
  text() {
    const raw = this.raw;
    return decoder.decode(new Uint8Array(raw.memory.buffer, raw.io_ptr(), raw.io_len()));
  }

  /** The error of the module's last answer (`code \x1f retryable \x1f status \x1f hint \x1f message`). */
  error(cause) {
    const [code, retryable, status, hint, ...message] = this.text().split("\x1f");
    const extra = { retryable: retryable === "1" };
    if (status) extra.status = Number(status);
    if (hint) extra.hint = hint;
    if (cause !== undefined) extra.cause = cause;
    return glueError(code, message.join("\x1f"), extra);
  }
}

/** Browsers report a trap inside a queued task of an async export as an uncaught error event. */
export function watchForTraps(module) {
  if (typeof addEventListener === "function") {
    addEventListener("error", (event) => {
      if (isTrap(event.error)) module.trap(event.error);
    });
  }
}
