// Custom backend page: ChatKit talks to our own ChatKit server (examples/chatkit-server)
// through /api/chatkit, with the app's JWT on every request.
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth";
import { fetchServerTools } from "@/lib/chatkit-server";
import { ChatPage } from "../chat-page";
import CustomChat from "./custom-chat";

export const dynamic = "force-dynamic";

export default async function CustomPage() {
  // The session and the client tools the ChatKit server declares (its pydantic schemas),
  // read here on the server: they arrive with the page, before any tool call can, and the
  // browser never talks to the ChatKit server itself.
  const [session, serverTools] = await Promise.all([
    getAuth().api.getSession({ headers: await headers() }),
    fetchServerTools(),
  ]);
  return (
    <ChatPage
      title="Custom backend"
      email={session?.user.email ?? null}
      intro={
        <>
          ChatKit speaks its protocol to the example ChatKit server through <code className="font-mono">/api/chatkit</code>,
          every request carrying the app&apos;s JWT. Try &ldquo;add note hello&rdquo;: the server calls a client tool, the page
          validates and runs it, and the panel shows the call. &ldquo;remind water the plants #home !high&rdquo; calls{" "}
          <code className="font-mono">set_reminder</code>, whose JSON Schema the server&apos;s pydantic model declares; six{" "}
          <code className="font-mono">#tags</code> break it, and the page refuses the call.
        </>
      }
    >
      <CustomChat serverTools={serverTools} />
    </ChatPage>
  );
}
