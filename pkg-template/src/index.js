// The public surface of chatkit-glue. wasm-bindgen's generated module is internal; every
// export here is typed in index.d.ts.
import { getModule, loadModule, preloadModule } from "#load";
import { guardAsync } from "./errors.js";

export { isGlueError } from "./errors.js";
export { chatKitOptionKeys, checkOptions, explainError, reportOptions } from "./diagnostics.js";
export { ClientSecretSource } from "./secrets.js";
export { createSessionHandlers } from "./sessions.js";

/** Starts loading the module early (browsers); does nothing on the server. */
export function preload() {
  preloadModule();
}

/** Resolves once the module is loaded; rejects with `load_failed`. */
export function ready() {
  return loadModule().then(() => undefined);
}

/** Runs `work` with a deadline; see index.d.ts. */
export function withTimeout(work, ms, options) {
  const wasm = getModule();
  if (wasm) return guardAsync(() => wasm.withTimeout(work, ms, options));
  // While the module loads, a rejection of `work` must not surface as unhandled: it is
  // observed (and passed through) once the module runs.
  if (work !== null && typeof work === "object" && typeof work.then === "function") {
    Promise.resolve(work).catch(() => {});
  }
  return loadModule().then((loaded) => guardAsync(() => loaded.withTimeout(work, ms, options)));
}
export { ChatKitAnalytics, composeHandlers } from "./analytics.js";
export { ClientTools, openLinkTool } from "./tools.js";
export { createAuthFetch } from "./auth-fetch.js";
