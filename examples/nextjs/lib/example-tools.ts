"use client";
// The example's client tools and the record of their calls that the panel shows.
//
// WIRING (tools feature): `onClientTool` below is a hand-written dispatcher that the
// library replaces: `new ClientTools({ onEvent: analytics.record })
//   .register("open_link", openLinkTool({ allowedHosts }))
//   .register("add_note", { parameters: z.object({ text: z.string().min(1).max(500) }), handler: ({ text }) => addNote(text) })`
// and `onClientTool: tools.dispatch`. `addNote` and the notes store stay.

export type ToolCallRecord = { name: string; durationMs: number; outcome: string };

type Store<T> = { get: () => T; set: (v: T) => void; subscribe: (l: () => void) => () => void };
function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (v) => {
      value = v;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export const notes = store<string[]>([]);
export const toolCalls = store<ToolCallRecord[]>([]);

/** The app-specific tool: adds a note to the panel. */
export function addNote(text: string) {
  notes.set([...notes.get(), text]);
  return { added: true, count: notes.get().length };
}

function error(code: string, message: string) {
  return { error: { code, message, retryable: false } };
}

function openLink(params: Record<string, unknown>) {
  const raw = params.url;
  let url: URL;
  try {
    if (typeof raw !== "string") throw new TypeError();
    url = new URL(raw);
  } catch {
    return error("invalid_params", "/url must be an absolute URL");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
    return error("invalid_params", "/url must be an http(s) URL without user info");
  }
  const active = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive;
  if (!active) return { opened: false, reason: "needs_user_gesture", url: url.href };
  window.open(url.href, "_blank", "noopener,noreferrer");
  return { opened: true, url: url.href };
}

export async function onClientTool({ name, params }: { name: string; params: Record<string, unknown> }) {
  const start = performance.now();
  let result: Record<string, unknown>;
  if (name === "open_link") result = openLink(params);
  else if (name === "add_note" && typeof params.text === "string" && params.text) result = addNote(params.text);
  else if (name === "add_note") result = error("invalid_params", "/text must be a non-empty string");
  else result = error("unknown_tool", `unknown tool ${name}; registered: add_note, open_link`);
  const outcome = "error" in result ? String((result.error as { code: string }).code) : "ok";
  toolCalls.set([...toolCalls.get(), { name, durationMs: Math.round(performance.now() - start), outcome }]);
  return result;
}
