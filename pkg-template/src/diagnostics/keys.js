// The option names `useChatKit` accepts (`ChatKitOptions` of @openai/chatkit 1.9, then the
// event handlers @openai/chatkit-react 1.6 derives from `ChatKitEvents`), and the nearest
// valid name to a mistyped one (the core's rule: its limits are generated into suggest.js).
// A type-level test checks the list against `keyof UseChatKitOptions`, both ways.
import { CHARS_PER_EDIT, MAX_CHARS, MAX_EDITS } from "./suggest.js";

/** Every top-level name `useChatKit` accepts. */
export const chatKitOptionKeys = /* @__PURE__ */ Object.freeze([
  "api", "locale", "theme", "frameTitle", "initialThread", "onClientTool", "header", "history",
  "startScreen", "threadItemActions", "composer", "disclaimer", "entities", "commands", "widgets",
  "thread", "onReady", "onError", "onEffect", "onDeeplink", "onResponseStart", "onResponseEnd",
  "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd",
  "onToolChange", "onLog",
]);

/** The names `useChatKit` routes to handlers, and `onClientTool` (mistyped the same way). */
export const HANDLER_LIKE = [
  "onClientTool", "onReady", "onError", "onEffect", "onDeeplink", "onResponseStart", "onResponseEnd",
  "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd",
  "onToolChange", "onLog",
];
/** The keys of `HostedApiConfig` and of `CustomApiConfig`. */
export const HOSTED_API = ["getClientSecret"];
export const CUSTOM_API = ["url", "domainKey", "fetch", "uploadStrategy"];
/** The keys of `api` in either shape. */
export const API = ["getClientSecret", "url", "domainKey", "fetch", "uploadStrategy"];

/**
 * Whether `useChatKit` treats `key` as an event handler: it does so for every `on` +
 * capital letter name except `onClientTool`, and silently drops the ones that match no
 * event.
 */
export const isHandlerShaped = (key) => /^on[A-Z]/.test(key) && key !== "onClientTool";

const lower = (c) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Levenshtein distance between `a` and `b` over characters (code points), ignoring ASCII case. */
export function distance(a, b) {
  const x = Array.from(a, (c) => lower(c.codePointAt(0)));
  const y = Array.from(b, (c) => lower(c.codePointAt(0)));
  const row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 0; i < x.length; i++) {
    let diagonal = row[0];
    row[0] = i + 1;
    for (let j = 0; j < y.length; j++) {
      const next = Math.min(row[j + 1] + 1, row[j] + 1, diagonal + (x[i] === y[j] ? 0 : 1));
      diagonal = row[j + 1];
      row[j + 1] = next;
    }
  }
  return row[y.length];
}

/**
 * The candidate closest to `name` if it is a likely typo, by the core's rule
 * (src/core/tools.rs `nearest`, its limits generated into suggest.js): at most a third of
 * the longer name's characters away (at least 1, at most 3). Ties go to the earlier candidate.
 */
export function nearest(name, candidates) {
  const n = Array.from(name).length;
  if (n > MAX_CHARS) return undefined;
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const m = Array.from(c).length;
    if (m > MAX_CHARS) continue;
    const d = distance(name, c);
    if (d <= Math.min(Math.max(Math.floor(Math.max(n, m) / CHARS_PER_EDIT), 1), MAX_EDITS) && d < bestDistance) {
      [best, bestDistance] = [c, d];
    }
  }
  return best;
}
