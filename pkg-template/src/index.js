// The public surface of chatkit-glue. wasm-bindgen's generated modules are internal; every
// export here is typed in index.d.ts. Each browser feature has its own WebAssembly module,
// so a page downloads only the code of the features it uses.
import { canPreload } from "#load";
import { used } from "./module.js";

export { isGlueError } from "./errors.js";
export { chatKitOptionKeys, checkOptions, explainError, reportOptions } from "./diagnostics.js";
export { ClientSecretSource } from "./secrets.js";
export { createSessionHandlers } from "./sessions.js";
export { withTimeout } from "./timeout.js";
export { ChatKitAnalytics, composeHandlers } from "./analytics.js";
export { ClientTools, openLinkTool } from "./tools.js";
export { createAuthFetch } from "./auth-fetch.js";

/** Starts loading the modules of the features the page uses (browsers); nothing on the server. */
export function preload() {
  if (canPreload()) for (const module of used) module.load();
}

/** Resolves once every module the page has used or preloaded is loaded; rejects with `load_failed`. */
export function ready() {
  return Promise.all([...used].map((module) => module.load())).then(() => undefined);
}
