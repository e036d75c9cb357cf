// Type-level tests of ChatKitAnalytics: every line must compile, and each line marked
// with an expect-error directive must not. (ChatKit's own types are checked against
// ours in analytics-chatkit.ts.)
import {
  ChatKitAnalytics,
  composeHandlers,
  type AnalyticsEvent,
  type AnalyticsMetrics,
  type FetchEvent,
  type SecretEvent,
  type ToolEvent,
} from "chatkit-glue";

function usage(): void {
  const analytics = new ChatKitAnalytics({
    endpoint: "/api/analytics",
    batchSize: 10,
    sampleRate: 0.5,
    redactKeys: ["email"],
    beforeSend: (e: AnalyticsEvent) => (e.type === "log" ? null : e),
    onError: (error: Error, context: { source: string }) => void [error, context],
  });
  const composed = composeHandlers(analytics.handlers(), false, { onReady: () => 1 });
  composed.onResponseEnd();
  composed.onReady();
  // @ts-expect-error a composed set has the keys of its parts only
  composed.onSomethingElse();
  const secret: SecretEvent = { kind: "secret", op: "start", phase: "success", attempt: 1, durationMs: 12 };
  const tool: ToolEvent = { kind: "tool", name: "open_link", callId: "c1", phase: "end", outcome: "timeout" };
  const fetchEvent: FetchEvent = { kind: "fetch", phase: "replay", origin: "https://x.example" };
  analytics.record(secret);
  analytics.record(tool);
  analytics.record(fetchEvent);
  analytics.track("checkout", { plan: "pro" });
  analytics.track("opened");
  const m: AnalyticsMetrics = analytics.metrics();
  const p99: number | undefined = m.responseMs?.p99;
  const ready: number | null = m.timeToReadyMs;
  const flushed: Promise<void> = analytics.flush();
  analytics.dispose();
  const sink = new ChatKitAnalytics({ sink: async (batch: AnalyticsEvent[]) => void batch.length });
  void [m, p99, ready, flushed, sink];

  // @ts-expect-error unknown options are refused
  new ChatKitAnalytics({ flushInterval: 10 });
  // @ts-expect-error sampleRate is a number
  new ChatKitAnalytics({ sampleRate: "0.5" });
  // @ts-expect-error record takes the parts' events only
  analytics.record({ kind: "other" });
  // @ts-expect-error track's data is an object
  analytics.track("x", 5);
  // @ts-expect-error metrics() is synchronous
  const later: Promise<AnalyticsMetrics> = analytics.metrics();
  // @ts-expect-error onThreadChange takes { threadId }
  analytics.handlers().onThreadChange({ thread: "t" });
  void later;
}
void usage;
