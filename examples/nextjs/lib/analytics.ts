"use client";
// The example's analytics, created once at module scope: ChatKit's 13 handlers
// (`...analytics.handlers()`) and the parts' events (`onEvent: analytics.record`) become
// redacted, batched events POSTed to /api/analytics (app/api/analytics/route.ts).
//
// The glue panel shows what analytics sends: `beforeSend` sees every event after
// redaction (secrets, tokens, `Bearer ...`, `ek_...` already replaced), so the panel can
// never display a secret. It keeps the last events and a few counters in memory.
import { ChatKitAnalytics, type AnalyticsEvent } from "chatkit-glue";
import { store } from "./store";

export type ToolSummary = { calls: number; last: { outcome: string; durationMs: number | null; at: number } | null };
export type GlueSummary = {
  /** Secret fetches that succeeded, by endpoint (a refresh may fall back to /start). */
  secretStarts: number;
  secretRefreshes: number;
  secretFailures: number;
  /** Per client tool: ended calls and the last one (ToolEvent phase "end"). */
  tools: Record<string, ToolSummary>;
};

/** The latest redacted events, newest last (what the panel lists). */
export const recentEvents = store<AnalyticsEvent[]>([]);
/** Counters derived from the same events. */
export const summary = store<GlueSummary>({ secretStarts: 0, secretRefreshes: 0, secretFailures: 0, tools: {} });
const KEEP = 50;

function observe(event: AnalyticsEvent) {
  const list = recentEvents.get();
  recentEvents.set([...(list.length >= KEEP ? list.slice(1) : list), event]);
  const data = event.data ?? {};
  const s = summary.get();
  if (event.type === "secret.fetch" && data.phase === "success") {
    summary.set(data.op === "refresh" ? { ...s, secretRefreshes: s.secretRefreshes + 1 } : { ...s, secretStarts: s.secretStarts + 1 });
  } else if (event.type === "secret.fetch" && data.phase === "failure") {
    summary.set({ ...s, secretFailures: s.secretFailures + 1 });
  } else if (event.type === "tool.call" && data.phase === "end" && typeof data.name === "string") {
    const prev = s.tools[data.name] ?? { calls: 0, last: null };
    const last = { outcome: String(data.outcome ?? "?"), durationMs: event.durationMs ?? null, at: event.at };
    summary.set({ ...s, tools: { ...s.tools, [data.name]: { calls: prev.calls + 1, last } } });
  }
}

export const analytics = new ChatKitAnalytics({
  endpoint: "/api/analytics",
  // Short, so the panel's "sent" count moves while you watch; the default is 5 s.
  flushIntervalMs: 2_000,
  beforeSend: (event) => {
    observe(event);
    // Returning nothing keeps the event as it is.
  },
});
