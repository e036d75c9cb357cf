// The JavaScript side of the error model. Errors raised inside the wasm module are built
// by the Rust binding with the same shape; this file builds the ones that must exist
// without the module (it failed to load, or trapped).

export const ERROR_NAME = "ChatKitGlueError";

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

/**
 * Calls into the module. A trap (a bug inside the module) fails this call with
 * `internal` and every later call fails fast the same way, instead of running on a
 * module whose state can no longer be trusted.
 */
export function guard(call) {
  if (trapped) throw trapped;
  try {
    return call();
  } catch (error) {
    if (typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) {
      trapped = glueError("internal", "chatkit-glue hit an internal error and stopped; reload the page", {
        retryable: false,
        cause: error,
        hint: "This is a bug in chatkit-glue: please report it with the console output.",
      });
      throw trapped;
    }
    throw error;
  }
}
