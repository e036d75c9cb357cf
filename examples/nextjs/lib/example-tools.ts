"use client";
// The example's client tools, registered once at module scope: `open_link` (the library's
// `openLinkTool`: absolute http(s) URLs only, on allowed hosts, opened only with a user
// gesture) and `add_note`, an app-specific tool whose params a zod schema checks (and
// types: `text` is a string in the handler). `useChatKit({ onClientTool: tools.dispatch })`.
// Every call's ToolEvents go to analytics, which the glue panel reads.
import { ClientTools, openLinkTool } from "chatkit-glue";
import { z } from "zod";
import { analytics } from "./analytics";
import { store } from "./store";

/** The notes `add_note` adds; the panel lists them. */
export const notes = store<string[]>([]);

/** The hosts the model may open; `example.com` and its subdomains in this demo. */
export const ALLOWED_HOSTS = ["example.com", "*.example.com"];

export const tools = new ClientTools({ onEvent: analytics.record })
  .register("open_link", openLinkTool({ allowedHosts: ALLOWED_HOSTS }))
  .register("add_note", {
    description: "Adds a note to the side panel.",
    parameters: z.object({ text: z.string().trim().min(1).max(500) }),
    handler: ({ text }) => {
      notes.set([...notes.get(), text]);
      return { added: true, count: notes.get().length };
    },
  });
