// The JavaScript side of the error model. Errors raised inside the wasm module are built
// by the Rust binding with the same shape; this file builds the ones that must exist
// without the module (it failed to load, or trapped).

export const ERROR_NAME = "ChatKitGlueError";

/**
 * The key of `[Symbol.dispose]()` on the public classes: the runtime's `Symbol.dispose`,
 * or the registered symbol TypeScript's `using` helpers fall back to. Used as a computed
 * class member, so no module-level statement keeps a class in a bundle that does not
 * use it.
 */
export const DISPOSE = Symbol.dispose || /* @__PURE__ */ Symbol.for("Symbol.dispose");

/**
 * @param {string} code
 * @param {string} message
 * @param {{ retryable?: boolean, status?: number, hint?: string, cause?: unknown }} [extra]
 */
export function glueError(code, message, extra = {}) {
  const error = new Error(message, "cause" in extra ? { cause: extra.cause } : undefined);
  error.name = ERROR_NAME;
  error.code = code;
  error.retryable = extra.retryable === true;
  if (extra.status !== undefined) error.status = extra.status;
  if (extra.hint !== undefined) error.hint = extra.hint;
  return error;
}

/** True for every failure the library raises, including errors from another realm. */
export function isGlueError(value) {
  return (
    typeof value === "object" &&
    value !== null &&
    value.name === ERROR_NAME &&
    typeof value.code === "string" &&
    typeof value.retryable === "boolean"
  );
}

const LOAD_FAILED = "chatkit-glue could not load its WebAssembly module";

export const loadHints = {
  noWebAssembly:
    "This browser has no WebAssembly. chatkit-glue needs WebAssembly with reference types and bulk memory: Chrome/Edge 96+, Firefox 79+, Safari 15+.",
  csp:
    "The page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src (script-src 'self' 'wasm-unsafe-eval').",
  status: (url, status) =>
    `The .wasm URL ${url} answered HTTP ${status}: the bundler or server did not publish chatkit_glue_bg.wasm beside the package's JavaScript. Serve it from that URL (with Content-Type: application/wasm).`,
  network: (url) =>
    `The .wasm URL ${url} could not be fetched: check that it is reachable and that a Content-Security-Policy connect-src allows it.`,
  compile:
    "The .wasm file could not be compiled: it may be corrupted or from another build of chatkit-glue. Reinstall the package and rebuild.",
};

export function loadFailed(detail, hint, cause, status) {
  return glueError("load_failed", `${LOAD_FAILED}: ${detail}`, { retryable: false, hint, cause, status });
}

/** The hint for an error thrown while compiling or instantiating the module. */
export function compileHint(error) {
  const text = String((error && error.message) || error);
  return /wasm-unsafe-eval|unsafe-eval|Content[- ]Security[- ]Policy|\bCSP\b/i.test(text)
    ? loadHints.csp
    : loadHints.compile;
}

let trapped = null;
const pending = new Set();

function isTrap(error) {
  return typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
}

// A trap (a bug inside the module) fails the call that hit it and every call still
// pending with `internal`; every later call fails fast with the same error instead of
// running on a module whose state can no longer be trusted. Reported once.
function trap(cause) {
  if (trapped) return trapped;
  trapped = glueError("internal", "chatkit-glue hit an internal error and stopped; reload the page", {
    retryable: false,
    cause,
    hint: "This is a bug in chatkit-glue: please report it with the console output.",
  });
  for (const reject of pending) reject(trapped);
  pending.clear();
  console.error(trapped);
  return trapped;
}

/** Calls into the module synchronously. */
export function guard(call) {
  if (trapped) throw trapped;
  try {
    return call();
  } catch (error) {
    throw isTrap(error) ? trap(error) : error;
  }
}

/**
 * Calls an async export. Its promise also rejects with `internal` when the module traps
 * while it is pending: a trap inside a task of the module's executor would otherwise
 * leave that promise unsettled forever.
 */
export function guardAsync(call) {
  let promise;
  try {
    promise = guard(call);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    pending.add(reject);
    promise.then(
      (value) => {
        pending.delete(reject);
        resolve(value);
      },
      (error) => {
        pending.delete(reject);
        reject(isTrap(error) ? trap(error) : error);
      },
    );
  });
}

/** Browsers report a trap inside a queued task as an uncaught error event. */
export function watchForTraps() {
  if (typeof addEventListener === "function") {
    addEventListener("error", (event) => {
      if (isTrap(event.error)) trap(event.error);
    });
  }
}
