"use client";
// Loads ChatKit's web component the way ChatKit documents it (its script from OpenAI's
// CDN) and tells the page whether it arrived. `<openai-chatkit>` stays an inert element
// until a script defines it, and ChatKit's React component waits for that; so the page
// races `customElements.whenDefined("openai-chatkit")` against the script's error event
// and a deadline, and says plainly when ChatKit is unavailable (offline, blocked by a CSP
// or an extension) while the rest of the page keeps working.
//
// When it is unavailable, the page offers the example's own stand-in
// (public/chatkit-standin.js): a minimal element, labelled as such, that speaks ChatKit's
// protocol to the custom backend and shows the client secret's life in hosted mode. It is
// only ever loaded after ChatKit's script failed, so with a network the real ChatKit is
// used and the stand-in never appears. The choice is remembered for the tab.
import Script from "next/script";
import { useEffect, useSyncExternalStore } from "react";

export const CHATKIT_SCRIPT_URL = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";
export const STANDIN_SCRIPT_URL = "/chatkit-standin.js";
/** How long to wait for the element before saying ChatKit is unavailable. */
export const CHATKIT_SCRIPT_DEADLINE_MS = 15_000;
const CHOICE_KEY = "chatkit-glue-example:standin";

/** `standin-loading` / `standin`: the example's stand-in, after ChatKit's script failed. */
export type ChatKitScriptStatus = "loading" | "ready" | "failed" | "standin-loading" | "standin";

let status: ChatKitScriptStatus = "loading";
const listeners = new Set<() => void>();
let watching = false;

function setStatus(next: ChatKitScriptStatus) {
  // "ready" and "standin" are final: an element, once defined, stays.
  if (status === next || status === "ready" || status === "standin") return;
  status = next;
  for (const l of listeners) l();
}

function definedStatus(): ChatKitScriptStatus {
  const element = customElements.get("openai-chatkit") as { isChatKitGlueStandIn?: boolean } | undefined;
  return element?.isChatKitGlueStandIn ? "standin" : "ready";
}

function failed() {
  if (status !== "loading") return;
  setStatus("failed");
  let remembered = false;
  try {
    remembered = sessionStorage.getItem(CHOICE_KEY) === "1";
  } catch {
    // storage blocked: ask again
  }
  if (remembered) loadStandIn();
}

function watch() {
  if (watching) return;
  watching = true;
  if (customElements.get("openai-chatkit")) return setStatus(definedStatus());
  void customElements.whenDefined("openai-chatkit").then(() => setStatus(definedStatus()));
  // Module-level and once per page load, like the script itself.
  setTimeout(failed, CHATKIT_SCRIPT_DEADLINE_MS);
}

/** Loads the stand-in (after ChatKit's script failed) and remembers the choice for the tab. */
export function loadStandIn() {
  if (status !== "failed") return;
  try {
    sessionStorage.setItem(CHOICE_KEY, "1");
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  setStatus("standin-loading");
  const script = document.createElement("script");
  script.src = STANDIN_SCRIPT_URL;
  script.async = true;
  script.onerror = () => {
    status = "failed";
    for (const l of listeners) l();
  };
  document.head.append(script);
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
  return <Script src={CHATKIT_SCRIPT_URL} strategy="afterInteractive" onError={failed} />;
}

/** What the page shows while ChatKit loads, or instead of it when it cannot. */
export function ChatKitScriptNotice() {
  const s = useChatKitScriptStatus();
  if (s === "ready" || s === "standin") return null;
  if (s === "loading" || s === "standin-loading") {
    return (
      <p role="status" data-testid="chatkit-loading" className="px-4 py-3 text-sm text-slate-600 dark:text-slate-300">
        {s === "loading" ? "Loading ChatKit…" : "Loading the stand-in…"}
      </p>
    );
  }
  return (
    <div
      role="alert"
      data-testid="chatkit-offline"
      className="m-4 rounded-xl border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p>
        <strong className="font-semibold">ChatKit is unavailable.</strong> Its script (
        <code className="break-all">{CHATKIT_SCRIPT_URL}</code>) could not be loaded: you may be offline, or a
        content-security policy or an extension blocked it. Sign-in and the glue panel still work.
      </p>
      <p className="mt-2">
        You can continue with this example&apos;s <strong>ChatKit stand-in</strong>: a minimal element, not
        OpenAI&apos;s ChatKit, that speaks ChatKit&apos;s protocol to the example server and shows the client
        secret&apos;s life. With a network, the real ChatKit is used.
      </p>
      <button
        type="button"
        data-testid="use-standin"
        onClick={loadStandIn}
        className="mt-3 rounded-lg bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300"
      >
        Continue with the stand-in
      </button>
    </div>
  );
}
