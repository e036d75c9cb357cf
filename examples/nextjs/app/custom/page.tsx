// Custom backend page: ChatKit talks to our own ChatKit server (examples/chatkit-server)
// through /api/chatkit, with the app's JWT on every request.
import Link from "next/link";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth";
import CustomChat from "./custom-chat";

export const dynamic = "force-dynamic";

export default async function CustomPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return (
    <main>
      <h1>Custom backend</h1>
      <p>
        <Link href="/">Home</Link> · <Link href="/hosted">Hosted ChatKit</Link> · <Link href="/sign-in">Account</Link>
      </p>
      {session ? (
        <>
          <p data-testid="signed-in-as">Signed in as {session.user.email}</p>
          <CustomChat />
        </>
      ) : (
        <p data-testid="signed-out">
          <Link href="/sign-in">Sign in</Link> to chat: the chatkit routes answer 401 without the app&apos;s JWT.
        </p>
      )}
    </main>
  );
}
