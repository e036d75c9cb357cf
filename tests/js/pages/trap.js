// The facade plus the internal bindings of the same module instance (esbuild resolves
// both to one file), so a test can trap the module on purpose.
import * as glue from "chatkit-glue";
import * as raw from "../node_modules/chatkit-glue/chatkit_glue.js";

window.glue = glue;
window.raw = raw;
window.imported = true;
