"use client";
import { ChatKit, useChatKit } from "@openai/chatkit-react";
import { useState, useSyncExternalStore } from "react";
import { getAppToken } from "@/lib/app-token";
import { ChatKitScript, ChatKitScriptNotice, useChatKitScriptStatus } from "@/lib/chatkit-script";
import { notes, onClientTool, toolCalls } from "@/lib/example-tools";

// Created once, at module scope: every request ChatKit makes to /api/chatkit carries the
// app's JWT.
// WIRING (authfetch feature): replace this function with
//   const authFetch = createAuthFetch({ token: () => getAppToken(), refreshToken: () => getAppToken({ force: true }) });
// (createAuthFetch adds the refresh-and-replay on 401, origin checks and timeouts).
const authFetch: typeof fetch = async (input, init) => {
  const token = await getAppToken();
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

type LoggedEvent = { type: string; at: number };

export default function CustomChat({ domainKey }: { domainKey: string }) {
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const log = (type: string) => setEvents((e) => [...e.slice(-19), { type, at: Date.now() }]);
  const { control } = useChatKit({
    api: { url: "/api/chatkit", domainKey, fetch: authFetch },
    onClientTool, // WIRING (tools feature): onClientTool: tools.dispatch
    // WIRING (analytics feature): ...analytics.handlers() (composeHandlers with these)
    onReady: () => log("ready"),
    onResponseStart: () => log("response.start"),
    onResponseEnd: () => log("response.end"),
    onThreadChange: () => log("thread.change"),
    onError: ({ error }) => log(`error: ${error?.name ?? "Error"}`),
  });
  const scriptStatus = useChatKitScriptStatus();
  const calls = useSyncExternalStore(toolCalls.subscribe, toolCalls.get, () => []);
  const noteList = useSyncExternalStore(notes.subscribe, notes.get, () => []);

  return (
    <div className="chat-layout">
      <section className="chat">
        <ChatKitScript />
        <ChatKitScriptNotice />
        <ChatKit control={control} className="chatkit" />
      </section>
      <aside className="panel" data-testid="glue-panel">
        <h2>Integration</h2>
        <p>
          ChatKit script: <code data-testid="script-status">{scriptStatus}</code>
        </p>
        <h3>Tool calls</h3>
        <ul data-testid="tool-calls">
          {calls.map((c, i) => (
            <li key={i}>
              {c.name}: {c.outcome} ({c.durationMs} ms)
            </li>
          ))}
        </ul>
        <h3>Notes</h3>
        <ul data-testid="notes">
          {noteList.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
        <h3>ChatKit events</h3>
        <ul data-testid="events">
          {events.map((e, i) => (
            <li key={i}>{e.type}</li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
