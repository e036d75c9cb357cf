// Exposes the package to the test driver exactly as an app imports it. Importing must
// not fetch anything: the tests check that no .wasm request happens until first use.
import * as glue from "chatkit-glue";

window.glue = glue;
window.imported = true;
