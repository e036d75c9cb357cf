// The analytics benchmark's page: the package as an app imports it, plus a handle on the
// WebAssembly.Memory the module instantiates (for the memory measurements).
import * as glue from "chatkit-glue";

for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async (...args) => {
    const result = await original.apply(WebAssembly, args);
    const exports = (result.instance || result).exports;
    if (exports && exports.memory) window.wasmMemory = exports.memory;
    return result;
  };
}
window.glue = glue;
