// Browsers: each module loads on first need, with a streaming compile of its .wasm
// shipped beside the package's JavaScript. Nothing is fetched at import time.
import { compileHint, loadFailed, loadHints } from "./errors.js";
import { Module } from "./module.js";

/**
 * A module of the package. `imports()` and `finish(instance, module)` are wasm-bindgen's
 * (its glue's import object and the step that readies an instance); `url()` the .wasm's
 * URL (a `new URL(..., import.meta.url)` bundlers see and publish).
 */
export function define(name, ns, imports, finish, url) {
  return new Module(name, ns, () => start(imports, finish, url()));
}

async function start(imports, finish, url) {
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
    const { instance, module } = await instantiate(response, imports());
    return finish(instance, module);
  } catch (error) {
    throw loadFailed(`compiling ${url} failed`, compileHint(error), error);
  }
}

/** Browsers can start loading early. */
export const canPreload = () => typeof document !== "undefined";

/**
 * A streaming compile, or, when the server did not send `Content-Type: application/wasm`
 * (which streaming requires), a compile of the bytes, as wasm-bindgen's loader does.
 */
async function instantiate(response, imports) {
  if (typeof WebAssembly.instantiateStreaming === "function") {
    try {
      return await WebAssembly.instantiateStreaming(response, imports);
    } catch (error) {
      if (response.headers.get("Content-Type") === "application/wasm") throw error;
      console.warn(`chatkit-glue: ${response.url} is not served as application/wasm (a slower compile)`);
    }
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
