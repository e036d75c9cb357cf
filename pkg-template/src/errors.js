// The JavaScript side of the error model: every ChatKitGlueError is built here, from the
// fields a module answers or, for the failures that must exist without a module (it did
// not load, it trapped, a deadline passed), here. Codes and their default retryability
// come from the Rust taxonomy (codes.js is generated from src/core/error.rs).
import { RETRYABLE } from "./codes.js";

export const ERROR_NAME = "ChatKitGlueError";

/**
 * Gives a public class `[Symbol.dispose]()` (the runtime's `Symbol.dispose`, or the
 * registered symbol TypeScript's `using` helpers fall back to), calling `dispose()`.
 * Called as `/* @__PURE__ *\/ disposable(class ...)`: a computed class member or a
 * module-level statement would keep the class in bundles that never use it.
 */
export function disposable(C) {
  C.prototype[Symbol.dispose || Symbol.for("Symbol.dispose")] = function () {
    this.dispose();
  };
  return C;
}

/**
 * @param {string} code
 * @param {string} message
 * @param {{ retryable?: boolean, status?: number, hint?: string, cause?: unknown }} [extra]
 */
export function glueError(code, message, extra = {}) {
  const error = new Error(message, "cause" in extra ? { cause: extra.cause } : undefined);
  error.name = ERROR_NAME;
  error.code = code;
  error.retryable = typeof extra.retryable === "boolean" ? extra.retryable : RETRYABLE[code] === true;
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
    `The .wasm URL ${url} answered HTTP ${status}: the bundler or server did not publish the package's .wasm files beside its JavaScript. Serve it from that URL (with Content-Type: application/wasm).`,
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

/** The `internal` error of a trap: a bug inside a module, which stops serving calls. */
export function internalError(cause) {
  return glueError("internal", "chatkit-glue hit an internal error and stopped; reload the page", {
    retryable: false,
    cause,
    hint: "This is a bug in chatkit-glue: please report it with the console output.",
  });
}
