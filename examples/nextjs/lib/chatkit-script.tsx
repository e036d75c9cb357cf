"use client";
// Loads ChatKit's web component the way ChatKit documents it (its script from OpenAI's
// CDN) and tells the page whether it arrived. `<openai-chatkit>` stays an inert element
// until the script defines it, and ChatKit's React component waits for that forever; so
// the page races `customElements.whenDefined("openai-chatkit")` against the script's
// error event and a deadline, and says plainly when ChatKit is unavailable (offline,
// blocked by a CSP or an extension) while the rest of the page keeps working.
import Script from "next/script";
import { useEffect, useSyncExternalStore } from "react";

export const CHATKIT_SCRIPT_URL = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";
/** How long to wait for the element before saying ChatKit is unavailable. */
export const CHATKIT_SCRIPT_DEADLINE_MS = 15_000;

export type ChatKitScriptStatus = "loading" | "ready" | "failed";

let status: ChatKitScriptStatus = "loading";
const listeners = new Set<() => void>();
let watching = false;

function setStatus(next: ChatKitScriptStatus) {
  // "failed" can still turn into "ready" (a slow network); "ready" is final.
  if (status === next || status === "ready") return;
  status = next;
  for (const l of listeners) l();
}

function watch() {
  if (watching) return;
  watching = true;
  if (customElements.get("openai-chatkit")) return setStatus("ready");
  void customElements.whenDefined("openai-chatkit").then(() => setStatus("ready"));
  // Module-level and once per page load, like the script itself.
  setTimeout(() => setStatus("failed"), CHATKIT_SCRIPT_DEADLINE_MS);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useChatKitScriptStatus(): ChatKitScriptStatus {
  return useSyncExternalStore(subscribe, () => status, () => "loading");
}

/** The script tag plus the watcher; render it once on every page that shows ChatKit. */
export function ChatKitScript() {
  useEffect(watch, []);
  return <Script src={CHATKIT_SCRIPT_URL} strategy="afterInteractive" onError={() => setStatus("failed")} />;
}

/** What the page shows while ChatKit loads, or instead of it when it cannot. */
export function ChatKitScriptNotice() {
  const s = useChatKitScriptStatus();
  if (s === "ready") return null;
  if (s === "loading") {
    return (
      <p role="status" data-testid="chatkit-loading">
        Loading ChatKit…
      </p>
    );
  }
  return (
    <div role="alert" data-testid="chatkit-offline" className="notice">
      <strong>ChatKit is unavailable.</strong> Its script ({CHATKIT_SCRIPT_URL}) could not be loaded — you
      may be offline, or a content-security policy or an extension blocked it. The chat cannot start; sign-in
      and the rest of this page still work.
    </div>
  );
}
