"use client";
// The example's client tools, registered once at module scope: `open_link` (the library's
// `openLinkTool`: absolute http(s) URLs only, on allowed hosts, opened only with a user
// gesture) and `add_note`, an app-specific tool whose params a zod schema checks (and
// types: `text` is a string in the handler). `useChatKit({ onClientTool: tools.dispatch })`.
// The custom-backend page adds `set_reminder`, whose parameters the ChatKit server declares
// with pydantic: the page registers it with the JSON Schema the server serves
// (`registerServerTools`), and the Rust core validates each call against it.
// Every call's ToolEvents go to analytics and to the panel's list of calls, with the
// params each handler received (after validation) and what it returned.
import { ClientTools, openLinkTool, type ToolContext, type ToolEvent, type ToolHandler } from "chatkit-glue";
import { z } from "zod";
import { analytics } from "./analytics";
import type { ServerTool } from "./chatkit-server";
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

/**
 * `set_reminder`'s params, as the server's pydantic model `SetReminder` declares them
 * (examples/chatkit-server/server.py). The schema arrives at run time, so TypeScript
 * cannot infer this type from it; the validator guarantees it before the handler runs.
 */
export type ReminderParams = {
  text: string;
  when?: string | null;
  priority?: "low" | "normal" | "high";
  tags?: string[];
  repeat?: { every: "day" | "week" | "month"; times?: number | null } | null;
};
/** The reminders `set_reminder` set; the panel lists them. */
export type Reminder = Required<Pick<ReminderParams, "text" | "priority" | "tags">> & Pick<ReminderParams, "when" | "repeat">;
export const reminders = store<Reminder[]>([]);

function setReminder(params: ReminderParams) {
  // A JSON Schema validator checks and never fills in: pydantic's defaults
  // (`priority: "normal"`, `tags: []`) are the handler's to apply.
  const reminder: Reminder = { ...params, priority: params.priority ?? "normal", tags: params.tags ?? [] };
  reminders.set([...reminders.get(), reminder]);
  return { scheduled: true, count: reminders.get().length, priority: reminder.priority };
}

/** The handlers of the server-declared tools this page runs, by name (a Map: a tool named `constructor` finds nothing). */
const SERVER_TOOL_HANDLERS = new Map<string, ToolHandler<never>>([["set_reminder", recorded(setReminder)]]);

/**
 * Registers the tools the ChatKit server declared, with the server's own JSON Schema,
 * for those this page has a handler for (a tool without one stays `unknown_tool`, which
 * the model is told). Returns the undo, for an effect's cleanup: the tools exist while
 * the custom page is mounted. A schema the validator refuses is `invalid_config`: thrown
 * here once the tools module is loaded, else from `tools.ready()` and every call of that
 * tool (and once on the console in development).
 */
export function registerServerTools(declared: readonly ServerTool[]): () => void {
  const added: string[] = [];
  for (const { name, description, parameters } of declared) {
    const handler = SERVER_TOOL_HANDLERS.get(name);
    if (!handler || tools.names().includes(name)) continue;
    try {
      // `never`: the params type is the handler's own (ReminderParams), not the schema's.
      tools.register<never>(name, { description, parameters, handler });
      added.push(name);
    } catch (err) {
      console.error(`client tool ${name}: the server's schema was refused`, err);
    }
  }
  return () => {
    for (const name of added) tools.unregister(name);
  };
}
