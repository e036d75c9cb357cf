// The analytics benchmark's page: the package as an app imports it, the peer it is
// measured against (posthog-js-lite's capture(), with a no-op fetch), plus a handle on
// the WebAssembly.Memory the module instantiates (for the memory measurements).
import * as glue from "chatkit-glue";
import PostHog from "posthog-js-lite";

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
window.PostHog = PostHog;
