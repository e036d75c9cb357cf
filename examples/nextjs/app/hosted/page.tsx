// Hosted ChatKit page: a workflow run by OpenAI (offline: the sessions stand-in that
// scripts/demo starts), with client secrets from /api/chatkit/start and /refresh.
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth";
import { ChatPage } from "../chat-page";
import HostedChat from "./hosted-chat";

export const dynamic = "force-dynamic";

export default async function HostedPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return (
    <ChatPage
      title="Hosted ChatKit"
      email={session?.user.email ?? null}
      intro={
        <>
          OpenAI runs the workflow; this app mints client secrets for the signed-in user, and the page&apos;s{" "}
          <code className="font-mono">ClientSecretSource</code> fetches and refreshes them. Watch the secret&apos;s life in the
          panel.
        </>
      }
    >
      <HostedChat />
    </ChatPage>
  );
}
