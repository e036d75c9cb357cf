"use client";
// The glue panel: what a developer looks at to see the integration is healthy. Everything
// here is read from the library's objects (module scope, created once) and from the
// events analytics is about to send, which are already redacted: never a secret or token.
import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { AnalyticsMetrics, AnalyticsEvent, ClientSecretSource } from "chatkit-glue";
import { analytics, recentEvents, summary, type GlueSummary } from "@/lib/analytics";
import { notes, reminders, toolCalls, tools, type Reminder, type ToolCallRow } from "@/lib/example-tools";
import { useChatKitScriptStatus, type ChatKitScriptStatus } from "@/lib/chatkit-script";

const EMPTY_SUMMARY: GlueSummary = { secretStarts: 0, secretRefreshes: 0, secretFailures: 0, tools: {} };
const NO_EVENTS: AnalyticsEvent[] = [];
const NO_NOTES: string[] = [];
const NO_CALLS: ToolCallRow[] = [];
const NO_REMINDERS: Reminder[] = [];

/** Date.now() every half second once mounted; null during prerender and hydration. */
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  return now;
}

const ms = (v: number | null | undefined) => (v == null ? "—" : `${Math.round(v)} ms`);
const json = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));

function countdown(expiresAt: number | null, now: number) {
  if (expiresAt == null) return "no secret yet";
  const left = Math.round((expiresAt - now) / 1000);
  if (left <= 0) return "expired";
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}

function eventLine(e: AnalyticsEvent) {
  const data = e.data && Object.keys(e.data).length ? " " + JSON.stringify(e.data) : "";
  return `${e.type}${e.durationMs != null ? ` (${Math.round(e.durationMs)} ms)` : ""}${data}`;
}

const SCRIPT_LABEL: Record<ChatKitScriptStatus, string> = {
  loading: "loading ChatKit",
  ready: "OpenAI's ChatKit",
  failed: "ChatKit unavailable",
  "standin-loading": "loading the stand-in",
  standin: "stand-in (not OpenAI's ChatKit)",
};
const SCRIPT_TONE: Record<ChatKitScriptStatus, string> = {
  loading: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  ready: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100",
  "standin-loading": "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  standin: "bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-100",
};

function outcomeTone(outcome: string | undefined) {
  if (outcome === undefined) return "text-slate-600 dark:text-slate-300";
  return outcome === "ok" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400";
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 id={id} className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

const smallButton =
  "rounded-lg border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800";

export default function GluePanel({ secrets }: { secrets?: ClientSecretSource }) {
  const now = useNow();
  const scriptStatus = useChatKitScriptStatus();
  const s = useSyncExternalStore(summary.subscribe, summary.get, () => EMPTY_SUMMARY);
  const events = useSyncExternalStore(recentEvents.subscribe, recentEvents.get, () => NO_EVENTS);
  const noteList = useSyncExternalStore(notes.subscribe, notes.get, () => NO_NOTES);
  const calls = useSyncExternalStore(toolCalls.subscribe, toolCalls.get, () => NO_CALLS);
  const reminderList = useSyncExternalStore(reminders.subscribe, reminders.get, () => NO_REMINDERS);
  const [tried, setTried] = useState<string | null>(null);
  const m: AnalyticsMetrics | null = now == null ? null : analytics.metrics();
  const secretEvents = events.filter((e) => e.type === "secret.fetch").slice(-6);

  // A real dispatch, as ChatKit would make it: works with ChatKit unavailable too.
  const tryTool = async (name: string, params: Record<string, unknown>) => {
    const result = await tools.dispatch({ name, params });
    setTried(`${name}: ${JSON.stringify(result)}`);
  };

  return (
    <aside
      aria-labelledby="glue-panel-title"
      data-testid="glue-panel"
      className="self-start overflow-hidden rounded-2xl border border-slate-200 bg-white text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="px-4 py-3">
        <h2 id="glue-panel-title" className="text-base font-semibold">
          Glue panel
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">Live from chatkit-glue; events already redacted.</p>
        <p className="mt-2 flex items-center gap-2">
          <span className="text-slate-600 dark:text-slate-400">Chat element</span>
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${SCRIPT_TONE[scriptStatus]}`}>
            {SCRIPT_LABEL[scriptStatus]}
          </span>
          <code data-testid="script-status" hidden>
            {scriptStatus}
          </code>
        </p>
      </div>

      {secrets ? (
        <Section title="Client secret" id="panel-secret">
          <p className="flex items-baseline justify-between">
            <span>expires in</span>
            <code data-testid="secret-expiry" className="font-mono text-base font-semibold tabular-nums">
              {now == null ? "—" : countdown(secrets.expiresAt(), now)}
            </code>
          </p>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            fetched <code data-testid="secret-starts">{s.secretStarts}</code> · refreshed{" "}
            <code data-testid="secret-refreshes">{s.secretRefreshes}</code> · failed{" "}
            <code data-testid="secret-failures">{s.secretFailures}</code>
          </p>
          <ol data-testid="secret-life" aria-label="Secret fetches" className="mt-2 space-y-0.5 font-mono text-xs">
            {secretEvents.map((e) => (
              <li key={e.id}>
                {String(e.data?.op)} · {String(e.data?.phase)}
                {e.data?.status != null ? ` · HTTP ${String(e.data.status)}` : ""}
                {e.durationMs != null ? ` · ${Math.round(e.durationMs)} ms` : ""}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      <Section title="Tool calls" id="panel-tools">
        <ul data-testid="tools" className="mb-2 space-y-0.5">
          {tools.names().map((name) => {
            const t = s.tools[name];
            return (
              <li key={name} data-tool={name}>
                <code className="font-mono font-semibold">{name}</code>:{" "}
                {t ? `${t.calls} call${t.calls === 1 ? "" : "s"}, last ${t.last?.outcome} in ${ms(t.last?.durationMs)}` : "no calls"}
              </li>
            );
          })}
        </ul>
        {calls.length ? (
          <ol data-testid="tool-calls" aria-label="Latest tool calls" className="space-y-1.5">
            {calls.slice(-4).map((c) => (
              <li
                key={c.callId}
                data-testid="tool-call"
                data-tool={c.name}
                data-outcome={c.outcome ?? "running"}
                className="rounded-lg bg-slate-100 px-2.5 py-1.5 dark:bg-slate-800"
              >
                <p className="flex justify-between gap-2">
                  <code className="font-mono font-semibold">{c.name}</code>
                  <span className={`font-medium ${outcomeTone(c.outcome)}`}>
                    {c.outcome ?? "running"}
                    {c.durationMs != null ? ` · ${ms(c.durationMs)}` : ""}
                  </span>
                </p>
                <p className="break-all font-mono text-xs">
                  <span className="text-slate-600 dark:text-slate-400">params </span>
                  <span data-testid="tool-call-params">{json(c.params)}</span>
                </p>
                <p className="break-all font-mono text-xs">
                  <span className="text-slate-600 dark:text-slate-400">result </span>
                  <span data-testid="tool-call-result">{json(c.result)}</span>
                </p>
              </li>
            ))}
          </ol>
        ) : null}
        <p className="mt-2 flex flex-wrap gap-2">
          <button type="button" data-testid="try-add-note" className={smallButton} onClick={() => void tryTool("add_note", { text: "from the panel" })}>
            Try add_note
          </button>
          <button type="button" data-testid="try-bad-link" className={smallButton} onClick={() => void tryTool("open_link", { url: "javascript:alert(1)" })}>
            Try open_link javascript:
          </button>
        </p>
        {tried ? (
          <p data-testid="try-result" className="mt-2 break-all font-mono text-xs">
            {tried}
          </p>
        ) : null}
      </Section>

      <Section title="Notes" id="panel-notes">
        {noteList.length ? null : <p className="text-slate-600 dark:text-slate-400">None yet: add_note adds them.</p>}
        <ul data-testid="notes" className="list-inside list-disc">
          {noteList.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </Section>

      {reminderList.length ? (
        <Section title="Reminders" id="panel-reminders">
          <ul data-testid="reminders" className="space-y-0.5">
            {reminderList.map((r, i) => (
              <li key={i} data-testid="reminder">
                {r.text}
                <span className="text-slate-600 dark:text-slate-400">
                  {" · "}
                  {r.priority}
                  {r.when ? ` · ${r.when}` : ""}
                  {r.repeat ? ` · every ${r.repeat.every}${r.repeat.times ? ` ×${r.repeat.times}` : ""}` : ""}
                  {r.tags.map((t) => ` #${t}`).join("")}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Analytics" id="panel-analytics">
        <dl className="grid grid-cols-2 gap-x-3 gap-y-0.5 tabular-nums">
          {(
            [
              ["responses", "metric-responses", m ? m.responses : "—"],
              ["response p50", "metric-p50", ms(m?.responseMs?.p50)],
              ["response p90", "metric-p90", ms(m?.responseMs?.p90)],
              ["time to ready", "metric-ready", ms(m?.timeToReadyMs)],
              ["tool calls", "metric-tool-calls", m ? m.toolCalls : "—"],
              ["errors", "metric-errors", m ? m.errors : "—"],
              ["abandoned", "metric-abandoned", m ? m.abandoned : "—"],
              ["dropped", "metric-dropped", m ? m.dropped : "—"],
              ["sent / queued", "metric-sent", m ? `${m.sent} / ${m.queued}` : "—"],
            ] as const
          ).map(([label, id, value]) => (
            <div key={id} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd data-testid={id} className="text-right font-mono">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title="Latest events (redacted)" id="panel-events">
        <ol data-testid="events" className="max-h-40 space-y-0.5 overflow-y-auto font-mono text-xs break-all">
          {events.slice(-12).map((e) => (
            <li key={e.id}>{eventLine(e)}</li>
          ))}
        </ol>
      </Section>
    </aside>
  );
}
