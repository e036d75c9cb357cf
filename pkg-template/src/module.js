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
    this._view = null;
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

  /**
   * A view of at least `size` bytes of the module's input buffer, kept across calls: the
   * buffer moves only when reserved again, and memory growth detaches the view (its
   * length turns 0), so the view is renewed only then or when it is too small.
   */
  room(size) {
    let view = this._view;
    if (!view || view.length < size) {
      const raw = this.raw;
      size = Math.max(size, 1024);
      const at = raw.io_reserve(size);
      if (!at) throw internalError(new Error("the module is out of memory"));
      view = this._view = new Uint8Array(raw.memory.buffer, at, size);
    }
    return view;
  }

  /**
   * Writes `head` (bytes, optional), then `text` as UTF-8, into the module's input
   * buffer; returns their byte length.
   */
  put(text, head) {
    const skip = head ? head.length : 0;
    const n = text.length;
    const view = this.room(skip + n * 3);
    if (head) view.set(head);
    // ASCII is copied here: `encodeInto` is a call into the engine's bindings, which
    // costs more than the copy for the short texts most calls carry.
    let i = 0;
    for (let c; i < n && (c = text.charCodeAt(i)) < 128; i++) view[skip + i] = c;
    return skip + i + (i < n ? encoder.encodeInto(text.slice(i), view.subarray(skip + i)).written : 0);
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

/**
 * Writes `value` into `module`'s I/O buffer in the core's plain-value form; returns its
 * byte length. A function, not a method, so that only the features that use it ship it.
 */
export function putValue(module, value) {
  const bytes = encodeValue(value);
  module.room(bytes.length).set(bytes);
  return bytes.length;
}

/**
 * A plain JavaScript value in the core's binary form (src/core/record.rs): numbers as the
 * f64 they are, strings as UTF-8, a function as a marker; a BigInt, a symbol, a cycle or
 * an object that is not plain data as "other", which the core refuses where it matters.
 * Object entries holding `undefined` are left out, as JSON does. A getter that throws
 * makes the whole value "other".
 */
export function encodeValue(value) {
  let buf = new Uint8Array(256);
  let view = new DataView(buf.buffer);
  let n = 0;
  const room = (k) => {
    if (n + k <= buf.length) return;
    const next = new Uint8Array(Math.max(buf.length * 2, n + k));
    next.set(buf);
    buf = next;
    view = new DataView(buf.buffer);
  };
  const byte = (b) => {
    room(1);
    buf[n++] = b;
  };
  const u32 = (x) => {
    room(4);
    view.setUint32(n, x, true);
    n += 4;
  };
  const text = (s) => {
    room(s.length * 3 + 4);
    const { written } = encoder.encodeInto(s, buf.subarray(n + 4));
    view.setUint32(n, written, true);
    n += 4 + written;
  };
  const open = [];
  const write = (v) => {
    const type = typeof v;
    if (type === "number") {
      room(9);
      buf[n++] = 3;
      view.setFloat64(n, v, true);
      n += 8;
    } else if (type === "string") {
      byte(4);
      text(v);
    } else if (type === "boolean") byte(v ? 2 : 1);
    else if (type === "function") byte(5);
    else if (v === null || v === undefined) byte(0);
    else if (type !== "object" || open.length > 60 || open.includes(v)) byte(8);
    else if (Array.isArray(v)) {
      open.push(v);
      byte(7);
      u32(v.length);
      for (const item of v) write(item);
      open.pop();
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return byte(8);
      open.push(v);
      const keys = Object.keys(v).filter((k) => v[k] !== undefined);
      byte(6);
      u32(keys.length);
      for (const k of keys) {
        text(k);
        write(v[k]);
      }
      open.pop();
    }
  };
  try {
    write(value);
  } catch {
    return new Uint8Array([8]);
  }
  return buf.subarray(0, n);
}

/** Browsers report a trap inside a queued task of an async export as an uncaught error event. */
export function watchForTraps(module) {
  if (typeof addEventListener === "function") {
    addEventListener("error", (event) => {
      if (isTrap(event.error)) module.trap(event.error);
    });
  }
}
