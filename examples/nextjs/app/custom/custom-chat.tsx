"use client";
// Custom backend: ChatKit speaks its protocol to /api/chatkit (which checks the app's JWT
// and streams to examples/chatkit-server), through createAuthFetch.
import { ChatKit, useChatKit } from "@openai/chatkit-react";
import { createAuthFetch, reportOptions } from "chatkit-glue";
import { useEffect } from "react";
import { analytics } from "@/lib/analytics";
import { getAppToken } from "@/lib/app-token";
import { ChatKitScript, ChatKitScriptNotice } from "@/lib/chatkit-script";
import type { ServerTool } from "@/lib/chatkit-server";
import { registerServerTools, tools } from "@/lib/example-tools";
import { ChatLayout } from "../chat-page";
import GluePanel from "../glue-panel";

// Created once, at module scope: a plain function with fetch's signature. Every request
// ChatKit makes to /api/chatkit carries the app's JWT (never to another origin); a 401
// fetches a fresh JWT once and replays the request.
const authFetch = createAuthFetch({
  token: () => getAppToken(),
  refreshToken: () => getAppToken({ force: true }),
  onEvent: analytics.record,
});

// Public and fixed at build time (NEXT_PUBLIC_*); ChatKit needs one for a custom backend.
const domainKey = process.env.NEXT_PUBLIC_CHATKIT_DOMAIN_KEY || "local-dev";

// The options, once: plain data and stable functions, so ChatKit never re-initialises.
const options = {
  api: { url: "/api/chatkit", domainKey, fetch: authFetch },
  onClientTool: tools.dispatch,
  ...analytics.handlers(),
};

export default function CustomChat({ serverTools }: { serverTools: ServerTool[] }) {
  // Development only (a no-op in production builds): each problem once on the console.
  useEffect(() => void reportOptions(options), []);
  // The tools the ChatKit server declared (set_reminder), with its JSON Schemas, into the
  // same registry while this page is mounted: `onClientTool` stays the same function, so
  // ChatKit's options do not change. In an effect, so nothing runs during prerender.
  useEffect(() => registerServerTools(serverTools), [serverTools]);
  const { control } = useChatKit(options);

  return (
    <ChatLayout
      chat={
        <>
          <ChatKitScript />
          <ChatKitScriptNotice />
          <ChatKit control={control} className="min-h-0 flex-1" />
        </>
      }
      panel={<GluePanel />}
    />
  );
}
