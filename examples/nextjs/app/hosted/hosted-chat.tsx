"use client";
// Hosted ChatKit: OpenAI runs the workflow; this page only needs client secrets, which
// /api/chatkit/start and /api/chatkit/refresh mint for the signed-in user.
import { ChatKit, useChatKit } from "@openai/chatkit-react";
import { reportOptions } from "chatkit-glue";
import { useEffect } from "react";
import { analytics } from "@/lib/analytics";
import { ChatKitScript, ChatKitScriptNotice } from "@/lib/chatkit-script";
import { tools } from "@/lib/example-tools";
import { secrets } from "@/lib/secrets";
import { ChatLayout } from "../chat-page";
import GluePanel from "../glue-panel";

// The options, once: plain data and stable, bound functions (README quickstart).
const options = {
  api: { getClientSecret: secrets.getClientSecret },
  onClientTool: tools.dispatch,
  ...analytics.handlers(),
};

export default function HostedChat() {
  useEffect(() => {
    // Fetch the first secret while ChatKit's script loads (ChatKit's own first call then
    // costs no request). Twice under StrictMode is still one request.
    secrets.prefetch();
    // Development only (a no-op in production builds): each problem once on the console.
    void reportOptions(options);
  }, []);
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
      panel={<GluePanel secrets={secrets} />}
    />
  );
}
