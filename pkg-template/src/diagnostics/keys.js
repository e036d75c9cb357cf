// The option names `useChatKit` accepts (`ChatKitOptions` of @openai/chatkit 1.9, then the
// event handlers @openai/chatkit-react 1.6 derives from `ChatKitEvents`), and the nearest
// valid name to a mistyped one. A type-level test checks the list against
// `keyof UseChatKitOptions`, both ways.

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

/** Levenshtein distance between `a` and `b`, ignoring ASCII case. */
export function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    let diagonal = row[0];
    row[0] = i + 1;
    for (let j = 0; j < b.length; j++) {
      const cost = lower(a.charCodeAt(i)) === lower(b.charCodeAt(j)) ? 0 : 1;
      const next = Math.min(row[j + 1] + 1, row[j] + 1, diagonal + cost);
      diagonal = row[j + 1];
      row[j + 1] = next;
    }
  }
  return row[b.length];
}

/**
 * The candidate closest to `name` if it is a likely typo: at most a third of the name's
 * length away (at least 1, at most 3). Ties go to the earlier candidate.
 */
export function nearest(name, candidates) {
  if (name.length > 64) return undefined;
  const limit = Math.min(Math.max(Math.floor(name.length / 3), 1), 3);
  let best;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
