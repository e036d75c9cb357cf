// The package as an app imports it, plus a way for a test to make one export of one
// module trap: the page keeps a copy of each module's exports as it is instantiated
// (by name, from the .wasm URL), and `trapNext(module, name)` makes that export run a
// real `unreachable` instruction, so the facade sees a genuine WebAssembly.RuntimeError.
// `trapOnLoad(module, name)` does the same to a module not loaded yet, as it loads.
const exportsOf = {};
const onLoad = [];
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const { instance, module } = await streaming(response, imports);
  const name = /chatkit_glue_(\w+)_bg\.wasm/.exec(response.url)?.[1] || "unknown";
  const copy = (exportsOf[name] = { ...instance.exports });
  for (const [module, exported] of onLoad.splice(0)) if (module === name) window.trapNext(module, exported);
  return { instance: { exports: copy }, module };
};
// (module (func (export "t") unreachable))
const unreachable = new WebAssembly.Instance(
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11])),
).exports.t;
window.trapNext = (module, name) => {
  const copy = exportsOf[module];
  if (!copy || typeof copy[name] !== "function") throw new Error(`no export ${name} in module ${module}`);
  copy[name] = () => unreachable();
};
window.trapOnLoad = (module, name) => onLoad.push([module, name]);
window.loadedModules = () => Object.keys(exportsOf).sort();

const glue = await import("chatkit-glue");
window.glue = glue;
window.imported = true;
