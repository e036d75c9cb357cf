// Node (route handlers, scripts, tests): each module is compiled synchronously on first
// use from bytes inlined in the package, so no bundler has to copy a .wasm file for the
// server and no file system path has to survive bundling.
import { compileHint, loadFailed } from "./errors.js";
import { Module } from "./module.js";

export function define(name, ns, base64) {
  return new Module(name, ns, undefined, () => {
    try {
      return ns.initSync({ module: Buffer.from(base64, "base64") });
    } catch (error) {
      throw loadFailed("compiling the inlined module failed", compileHint(error), error);
    }
  });
}

/** On the server nothing is preloaded: a client component's prerender must not load it. */
export const canPreload = () => false;
