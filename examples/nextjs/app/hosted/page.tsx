// Hosted ChatKit page: a workflow run by OpenAI (offline: the sessions stand-in that
// scripts/demo starts), with client secrets from /api/chatkit/start and /refresh.
import Link from "next/link";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth";
import HostedChat from "./hosted-chat";

export const dynamic = "force-dynamic";

export default async function HostedPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return (
    <main>
      <h1>Hosted ChatKit</h1>
      <p>
        <Link href="/">Home</Link> · <Link href="/custom">Custom backend</Link> · <Link href="/sign-in">Account</Link>
      </p>
      {session ? (
        <>
          <p data-testid="signed-in-as">Signed in as {session.user.email}</p>
          <HostedChat />
        </>
      ) : (
        <p data-testid="signed-out">
          <Link href="/sign-in">Sign in</Link> to chat: the chatkit routes answer 401 without the app&apos;s JWT.
        </p>
      )}
    </main>
  );
}
