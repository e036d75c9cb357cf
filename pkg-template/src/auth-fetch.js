// createAuthFetch: the fetch for ChatKit's custom backend (`api.fetch`). The rules live
// in the wasm module; this file hands back a plain function (ChatKit re-initialises on
// anything else) and keeps the per-request path to one call into the module.
import wasmModule from "#module/auth_fetch";
import { watchForTraps } from "./module.js";

// Its requests run as tasks of the module's executor: a trap inside one surfaces as an
// uncaught error event, which fails every pending call.
let watching = false;
const watch = () => {
  if (!watching) watchForTraps(wasmModule);
  watching = true;
};

const dev = () => typeof process !== "undefined" && process.env && process.env.NODE_ENV !== "production";

/**
 * Options are checked on the first call, when the module loads: creating the function
 * does nothing else, so it is safe at module scope and during a server prerender. Bad
 * options reject every call with `invalid_config` (logged once in development).
 */
export function createAuthFetch(options) {
  wasmModule.use();
  const opts = observed(options);
  let inner = null;
  let failure = null;

  const make = (wasm) => {
    if (inner) return inner;
    if (failure) throw failure;
    try {
      inner = wasmModule.call(() => new wasm.AuthFetch(opts));
      watch();
    } catch (error) {
      failure = error;
      if (dev()) console.error(error);
      throw error;
    }
    return inner;
  };

  return function authFetch(input, init) {
    try {
      if (inner) return wasmModule.callAsync(() => inner.fetch(input, init));
    } catch (error) {
      return Promise.reject(error);
    }
    return wasmModule.load().then((wasm) => wasmModule.callAsync(() => make(wasm).fetch(input, init)));
  };
}

// The module reports (phase, origin, status); the app's onEvent gets a FetchEvent. An
// observer that throws never breaks a request: its error goes to the console in
// development.
function observed(options) {
  const onEvent = options !== null && typeof options === "object" ? options.onEvent : undefined;
  if (typeof onEvent !== "function") return options;
  return {
    ...options,
    onEvent(phase, origin, status) {
      try {
        onEvent(status === undefined ? { kind: "fetch", phase, origin } : { kind: "fetch", phase, origin, status });
      } catch (error) {
        if (dev()) console.error("chatkit-glue: createAuthFetch onEvent threw", error);
      }
    },
  };
}
