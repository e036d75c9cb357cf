"use client";
// The glue panel: what a developer looks at to see the integration is healthy. Everything
// here is read from the library's objects (module scope, created once) and from the
// events analytics is about to send, which are already redacted: never a secret or token.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { AnalyticsMetrics, AnalyticsEvent, ClientSecretSource } from "chatkit-glue";
import { analytics, recentEvents, summary, type GlueSummary } from "@/lib/analytics";
import { notes, tools } from "@/lib/example-tools";
import { useChatKitScriptStatus } from "@/lib/chatkit-script";

const EMPTY_SUMMARY: GlueSummary = { secretStarts: 0, secretRefreshes: 0, secretFailures: 0, tools: {} };
const NO_EVENTS: AnalyticsEvent[] = [];
const NO_NOTES: string[] = [];

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

export default function GluePanel({ secrets }: { secrets?: ClientSecretSource }) {
  const now = useNow();
  const scriptStatus = useChatKitScriptStatus();
  const s = useSyncExternalStore(summary.subscribe, summary.get, () => EMPTY_SUMMARY);
  const events = useSyncExternalStore(recentEvents.subscribe, recentEvents.get, () => NO_EVENTS);
  const noteList = useSyncExternalStore(notes.subscribe, notes.get, () => NO_NOTES);
  const [tried, setTried] = useState<string | null>(null);
  const m: AnalyticsMetrics | null = now == null ? null : analytics.metrics();

  // A real dispatch, as ChatKit would make it: works with ChatKit unavailable too.
  const tryTool = async (name: string, params: Record<string, unknown>) => {
    const result = await tools.dispatch({ name, params });
    setTried(`${name}: ${JSON.stringify(result)}`);
  };

  return (
    <aside className="panel" data-testid="glue-panel">
      <h2>Glue panel</h2>
      <p>
        ChatKit script: <code data-testid="script-status">{scriptStatus}</code>
      </p>

      {secrets ? (
        <>
          <h3>Client secret</h3>
          <p>
            expires in <code data-testid="secret-expiry">{now == null ? "—" : countdown(secrets.expiresAt(), now)}</code>
            <br />
            fetched <code data-testid="secret-starts">{s.secretStarts}</code> · refreshed{" "}
            <code data-testid="secret-refreshes">{s.secretRefreshes}</code> · failed{" "}
            <code data-testid="secret-failures">{s.secretFailures}</code>
          </p>
        </>
      ) : null}

      <h3>Client tools</h3>
      <ul data-testid="tools">
        {tools.names().map((name) => {
          const t = s.tools[name];
          return (
            <li key={name} data-tool={name}>
              <code>{name}</code>: {t ? `${t.calls} call${t.calls === 1 ? "" : "s"}, last ${t.last?.outcome} in ${ms(t.last?.durationMs)}` : "no calls"}
            </li>
          );
        })}
      </ul>
      <p>
        <button type="button" data-testid="try-add-note" onClick={() => void tryTool("add_note", { text: "from the panel" })}>
          add_note
        </button>{" "}
        <button type="button" data-testid="try-bad-link" onClick={() => void tryTool("open_link", { url: "javascript:alert(1)" })}>
          open_link javascript:
        </button>
      </p>
      {tried ? <p data-testid="try-result"><code>{tried}</code></p> : null}
      <h3>Notes</h3>
      <ul data-testid="notes">
        {noteList.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>

      <h3>Analytics</h3>
      <table className="metrics">
        <tbody>
          <tr><td>responses</td><td data-testid="metric-responses">{m ? m.responses : "—"}</td></tr>
          <tr><td>response p50</td><td data-testid="metric-p50">{ms(m?.responseMs?.p50)}</td></tr>
          <tr><td>response p90</td><td data-testid="metric-p90">{ms(m?.responseMs?.p90)}</td></tr>
          <tr><td>time to ready</td><td data-testid="metric-ready">{ms(m?.timeToReadyMs)}</td></tr>
          <tr><td>tool calls</td><td data-testid="metric-tool-calls">{m ? m.toolCalls : "—"}</td></tr>
          <tr><td>errors</td><td data-testid="metric-errors">{m ? m.errors : "—"}</td></tr>
          <tr><td>abandoned</td><td data-testid="metric-abandoned">{m ? m.abandoned : "—"}</td></tr>
          <tr><td>dropped</td><td data-testid="metric-dropped">{m ? m.dropped : "—"}</td></tr>
          <tr><td>sent / queued</td><td data-testid="metric-sent">{m ? `${m.sent} / ${m.queued}` : "—"}</td></tr>
        </tbody>
      </table>

      <h3>Latest events (redacted)</h3>
      <ol data-testid="events" className="events">
        {events.slice(-12).map((e) => (
          <li key={e.id}>
            <code>{eventLine(e)}</code>
          </li>
        ))}
      </ol>
    </aside>
  );
}
