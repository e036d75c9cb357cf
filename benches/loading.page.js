// Bench page for benches/loading.mjs: chatkit-glue as an app imports it, plus p-timeout,
// so withTimeout and its peers run in the same page.
import * as glue from "chatkit-glue";
import pTimeout from "p-timeout";

window.glue = glue;
window.pTimeout = pTimeout;
window.imported = true;
