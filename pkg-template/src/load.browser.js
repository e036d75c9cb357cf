// Browsers: the module loads on first need, with a streaming compile of the .wasm
// shipped beside this file. Nothing is fetched at import time.
import init, * as wasm from "#wasm";
import { compileHint, loadFailed, loadHints, watchForTraps } from "./errors.js";

let pending = null;
let loaded = false;

/** The module if it is loaded, else null. */
export function getModule() {
  return loaded ? wasm : null;
}

/** Resolves with the module, or rejects with `load_failed` (the same error every time). */
export function loadModule() {
  if (pending === null) {
    pending = start();
    // The failure is kept for every later caller; this copy is never reported as unhandled.
    pending.catch(() => {});
  }
  return pending;
}

/** Starts loading in a browser; nothing happens where there is no document. */
export function preloadModule() {
  if (typeof document !== "undefined") loadModule();
}

async function start() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw loadFailed("this environment has no WebAssembly", loadHints.noWebAssembly);
  }
  const url = new URL("./chatkit_glue_bg.wasm", import.meta.url);
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw loadFailed(`fetching ${url} failed`, loadHints.network(url), error);
  }
  if (!response.ok) {
    throw loadFailed(`${url} answered HTTP ${response.status}`, loadHints.status(url, response.status), undefined, response.status);
  }
  try {
    await init({ module_or_path: response });
  } catch (error) {
    throw loadFailed(`compiling ${url} failed`, compileHint(error), error);
  }
  watchForTraps();
  loaded = true;
  return wasm;
}
