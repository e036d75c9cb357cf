// Diagnostics: explainError(error), checkOptions(options, { origin? }),
// reportOptions(options, { origin? }) and chatKitOptionKeys. All plain JavaScript
// (diagnostics/): synchronous, independent of the WebAssembly module (they work before
// it loads, and when it cannot), and dropped by tree-shaking from apps that do not
// import them.
import { checkOptions, originOf } from "./diagnostics/options.js";

export { chatKitOptionKeys } from "./diagnostics/keys.js";
export { explainError } from "./diagnostics/explain.js";
export { checkOptions };

/**
 * Development only: checks `options` and prints each problem once on the console,
 * grouped by severity, with its hint. In production builds
 * (process.env.NODE_ENV === "production") it does nothing and resolves to [].
 */
export function reportOptions(options, context) {
  // Written as a plain `if` on process.env.NODE_ENV so that bundlers drop the body from
  // production builds.
  if (process.env.NODE_ENV !== "production") {
    return new Promise((resolve) => resolve(originOf(context))).then(() => printOnce(checkOptions(options, context)));
  }
  return Promise.resolve([]);
}

let printed;
const CONSOLE = { error: "error", warning: "warn", info: "info" };

function printOnce(diagnostics) {
  printed ??= new Set();
  const fresh = diagnostics.filter((d) => {
    const key = d.code + "\u0000" + d.path + "\u0000" + d.message;
    if (printed.has(key)) return false;
    printed.add(key);
    return true;
  });
  if (fresh.length > 0) {
    console.group(`chatkit-glue: ${fresh.length} problem${fresh.length === 1 ? "" : "s"} in the ChatKit options`);
    for (const severity of ["error", "warning", "info"]) {
      for (const d of fresh) {
        if (d.severity === severity) console[CONSOLE[severity]](d.hint ? `${d.message}\n→ ${d.hint}` : d.message);
      }
    }
    console.groupEnd();
  }
  return diagnostics;
}
