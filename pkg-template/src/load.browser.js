// Browsers: each module loads on first need, with a streaming compile of its .wasm
// shipped beside the package's JavaScript. Nothing is fetched at import time.
import { compileHint, loadFailed, loadHints } from "./errors.js";
import { Module } from "./module.js";

/**
 * A module of the package. `init` is wasm-bindgen's initialiser; `url()` the .wasm's
 * URL (a `new URL(..., import.meta.url)` bundlers see and publish).
 */
export function define(name, ns, init, url) {
  return new Module(name, ns, () => start(init, url()));
}

async function start(init, url) {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw loadFailed("this environment has no WebAssembly", loadHints.noWebAssembly);
  }
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
    return await init({ module_or_path: response });
  } catch (error) {
    throw loadFailed(`compiling ${url} failed`, compileHint(error), error);
  }
}

/** Browsers can start loading early. */
export const canPreload = () => typeof document !== "undefined";
