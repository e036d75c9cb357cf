// Custom backend page: ChatKit talks to our own ChatKit server (examples/chatkit-server)
// through /api/chatkit, with the app's JWT on every request.
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth";
import { ChatPage } from "../chat-page";
import CustomChat from "./custom-chat";

export const dynamic = "force-dynamic";

export default async function CustomPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return (
    <ChatPage
      title="Custom backend"
      email={session?.user.email ?? null}
      intro={
        <>
          ChatKit speaks its protocol to the example ChatKit server through <code className="font-mono">/api/chatkit</code>,
          every request carrying the app&apos;s JWT. Try &ldquo;add note hello&rdquo;: the server calls a client tool, the page
          validates and runs it, and the panel shows the call.
        </>
      }
    >
      <CustomChat />
    </ChatPage>
  );
}
