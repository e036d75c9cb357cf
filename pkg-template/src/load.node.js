// Node (route handlers, scripts, tests): the module is compiled synchronously on first
// use from bytes inlined in the package, so no bundler has to copy a .wasm file for the
// server and no file system path has to survive bundling.
import { initSync } from "#wasm";
import * as wasm from "#wasm";
import wasmBase64 from "#inline";
import { compileHint, loadFailed } from "./errors.js";

let loaded = false;
let failure = null;

function loadSync() {
  if (loaded) return wasm;
  if (failure) throw failure;
  try {
    initSync({ module: Buffer.from(wasmBase64, "base64") });
  } catch (error) {
    failure = loadFailed("compiling the inlined module failed", compileHint(error), error);
    throw failure;
  }
  loaded = true;
  return wasm;
}

export function getModule() {
  return loadSync();
}

export function loadModule() {
  try {
    return Promise.resolve(loadSync());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** On the server nothing is preloaded: a client component's prerender must not load it. */
export function preloadModule() {}
