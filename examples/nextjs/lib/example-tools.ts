"use client";
// The example's client tools, registered once at module scope: `open_link` (the library's
// `openLinkTool`: absolute http(s) URLs only, on allowed hosts, opened only with a user
// gesture) and `add_note`, an app-specific tool whose params a zod schema checks (and
// types: `text` is a string in the handler). `useChatKit({ onClientTool: tools.dispatch })`.
// Every call's ToolEvents go to analytics and to the panel's list of calls, with the
// params each handler received (after validation) and what it returned.
import { ClientTools, openLinkTool, type ToolContext, type ToolEvent } from "chatkit-glue";
import { z } from "zod";
import { analytics } from "./analytics";
import { store } from "./store";

/** The notes `add_note` adds; the panel lists them. */
export const notes = store<string[]>([]);

/** One client tool call as the panel shows it. */
export type ToolCallRow = {
  callId: string;
  name: string;
  /** The params the handler received: after validation (zod's `trim` included). */
  params?: unknown;
  /** What the handler returned (ChatKit gets it as is). */
  result?: unknown;
  /** "ok" or the error code ChatKit got; undefined while the call runs. */
  outcome?: string;
  durationMs?: number;
};
/** The latest calls, newest last. */
export const toolCalls = store<ToolCallRow[]>([]);
const KEEP = 20;

function updateCall(callId: string, name: string, patch: Partial<ToolCallRow>) {
  const list = toolCalls.get();
  const i = list.findIndex((c) => c.callId === callId);
  if (i >= 0) {
    toolCalls.set(list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  } else {
    toolCalls.set([...list.slice(-(KEEP - 1)), { callId, name, ...patch }]);
  }
}

function observe(event: ToolEvent) {
  if (event.phase === "start") updateCall(event.callId, event.name, {});
  if (event.phase === "end") updateCall(event.callId, event.name, { outcome: event.outcome, durationMs: event.durationMs });
}

/** Records what a handler received and returned, keyed by the call's id. */
function recorded<P, R>(handler: (params: P, ctx: ToolContext) => R | Promise<R>) {
  return async (params: P, ctx: ToolContext) => {
    updateCall(ctx.callId, ctx.name, { params });
    const result = await handler(params, ctx);
    updateCall(ctx.callId, ctx.name, { result });
    return result;
  };
}

/** The hosts the model may open; `example.com` and its subdomains in this demo. */
export const ALLOWED_HOSTS = ["example.com", "*.example.com"];
const openLink = openLinkTool({ allowedHosts: ALLOWED_HOSTS });

export const tools = new ClientTools({
  onEvent: (event) => {
    analytics.record(event);
    if (event.kind === "tool") observe(event);
  },
})
  .register("open_link", { ...openLink, handler: recorded(openLink.handler) })
  .register("add_note", {
    description: "Adds a note to the side panel.",
    parameters: z.object({ text: z.string().trim().min(1).max(500) }),
    handler: recorded(({ text }: { text: string }) => {
      notes.set([...notes.get(), text]);
      return { added: true, count: notes.get().length };
    }),
  });
