// Diagnostics: explainError(error), checkOptions(options, { origin? }),
// reportOptions(options, { origin? }) and chatKitOptionKeys. The explanation table and the
// option rules are in the WebAssembly module; both calls are synchronous, so before the
// module is ready (a browser that has not loaded it yet) they answer honestly that they
// could not explain or check yet (or that the module failed to load, once that is known),
// and start the load. reportOptions waits for it.
import { getModule, loadModule } from "#load";
import { glueError, guard, isGlueError } from "./errors.js";

/** Every top-level name `useChatKit` accepts (@openai/chatkit 1.9, @openai/chatkit-react 1.6). */
export const chatKitOptionKeys = Object.freeze([
  "api", "locale", "theme", "frameTitle", "initialThread", "onClientTool", "header", "history",
  "startScreen", "threadItemActions", "composer", "disclaimer", "entities", "commands", "widgets",
  "thread", "onReady", "onError", "onEffect", "onDeeplink", "onResponseStart", "onResponseEnd",
  "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd",
  "onToolChange", "onLog",
]);

let loadError = null;

/** The module when it is ready; otherwise null, with the load started (browsers). */
function moduleNow() {
  let wasm = null;
  try {
    wasm = getModule();
  } catch (error) {
    loadError = error; // Node: the inlined module failed to compile
  }
  if (!wasm && !loadError) load().catch(() => {});
  return wasm;
}

/** Loads the module, remembering a failure for the synchronous answers. */
function load() {
  return loadModule().catch((error) => {
    loadError = error;
    throw error;
  });
}

const AWAIT_READY = "Call it after await ready(), or use reportOptions(options), which waits.";

/** `{ code, title, hint }` for any thrown value (see index.d.ts). Never throws. */
export function explainError(error) {
  const wasm = moduleNow();
  if (wasm) {
    try {
      return guard(() => wasm.explainError(error));
    } catch {
      // The module trapped: answer as if it were not there.
    }
  }
  // Without the module, a library error that failed the load (or the module itself)
  // carries its own hint.
  if (isGlueError(error) && typeof error.hint === "string") {
    if (error.code === "load_failed") return { code: "load_failed", title: "WebAssembly module did not load", hint: error.hint };
    if (error.code === "internal") return { code: "internal", title: "Internal error in chatkit-glue", hint: error.hint };
  }
  return {
    code: "unknown",
    title: "Not explained: diagnostics not loaded",
    hint: loadError
      ? "chatkit-glue's WebAssembly module could not load (see ready()), so this error cannot be explained."
      : "chatkit-glue's WebAssembly module is not loaded yet: explain errors after await ready().",
  };
}

/** The problems in `options` (see index.d.ts). */
export function checkOptions(options, context) {
  const origin = originOf(context);
  const wasm = moduleNow();
  if (wasm) return guard(() => wasm.checkOptions(options, origin));
  return [
    {
      severity: "info",
      code: "not_checked",
      path: "",
      message: loadError
        ? "Options not checked: chatkit-glue's WebAssembly module could not load (see ready())."
        : "Options not checked yet: chatkit-glue's WebAssembly module is not loaded.",
      hint: AWAIT_READY,
    },
  ];
}

/**
 * Development only: checks `options` once the module is ready and prints each problem
 * once on the console, grouped by severity, with its hint. In production builds
 * (process.env.NODE_ENV === "production") it does nothing and resolves to [].
 */
export function reportOptions(options, context) {
  // Written as a plain `if` on process.env.NODE_ENV so that bundlers drop the body from
  // production builds.
  if (process.env.NODE_ENV !== "production") {
    return new Promise((resolve) => resolve(originOf(context)))
      .then(load)
      .then(() => printOnce(checkOptions(options, context)));
  }
  return Promise.resolve([]);
}

const printed = new Set();
const CONSOLE = { error: "error", warning: "warn", info: "info" };

function printOnce(diagnostics) {
  const fresh = diagnostics.filter((d) => {
    const key = d.code + "\u0000" + d.path + "\u0000" + d.message;
    if (printed.has(key)) return false;
    printed.add(key);
    return true;
  });
  if (fresh.length > 0) {
    console.group(`chatkit-glue: ${fresh.length} problem${fresh.length === 1 ? "" : "s"} in the ChatKit options`);
    for (const severity of ["error", "warning", "info"]) {
      for (const d of fresh) {
        if (d.severity === severity) console[CONSOLE[severity]](d.hint ? `${d.message}\n→ ${d.hint}` : d.message);
      }
    }
    console.groupEnd();
  }
  return diagnostics;
}

/** The page's origin for the non-HTTPS check: `context.origin`, else the page's own. */
function originOf(context) {
  if (context === undefined || context === null) return pageOrigin();
  if (typeof context !== "object") throw glueError("invalid_config", "checkOptions: the second argument must be an object ({ origin? })");
  const { origin } = context;
  if (origin === undefined) return pageOrigin();
  if (typeof origin !== "string") throw glueError("invalid_config", "checkOptions: origin must be a string such as \"https://app.example.com\"");
  return origin;
}

function pageOrigin() {
  const origin = typeof location === "object" && location !== null ? location.origin : undefined;
  return typeof origin === "string" && origin !== "null" ? origin : undefined;
}
