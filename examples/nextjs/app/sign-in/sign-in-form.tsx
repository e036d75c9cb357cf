"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { clearAppToken } from "@/lib/app-token";
import { secrets } from "@/lib/secrets";

export default function SignInForm() {
  const router = useRouter();
  const { data: session, isPending } = authClient.useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (isPending) return <p>Checking your session…</p>;
  if (session) {
    return (
      <div>
        <p data-testid="session-user">Signed in as {session.user.email}</p>
        <button
          type="button"
          onClick={async () => {
            clearAppToken();
            secrets.clear(); // the cached client secret belongs to the signed-out user
            await authClient.signOut();
            router.refresh();
          }}
        >
          Sign out
        </button>
      </div>
    );
  }

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setBusy(true);
        setError(null);
        const { error } = await authClient.signIn.email({
          email: String(form.get("email")),
          password: String(form.get("password")),
        });
        setBusy(false);
        if (error) {
          setError(error.message ?? "Sign-in failed");
          return;
        }
        router.push("/custom");
      }}
    >
      <p>
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
      </p>
      <p>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
      </p>
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      {error ? (
        <p role="alert" data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      <p className="hint">The demo user is printed by scripts/demo (default demo@example.com).</p>
    </form>
  );
}
