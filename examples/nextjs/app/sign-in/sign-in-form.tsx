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

  if (isPending) return <p role="status" className="text-sm">Checking your session…</p>;
  if (session) {
    return (
      <div className="flex flex-col items-start gap-3">
        <p data-testid="session-user">Signed in as {session.user.email}</p>
        <button
          type="button"
          className="rounded-lg bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 disabled:opacity-60 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300"
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
      className="flex flex-col gap-4"
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
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100" />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100" />
      </label>
      <button type="submit" disabled={busy} className="rounded-lg bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 disabled:opacity-60 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300">
        Sign in
      </button>
      {error ? (
        <p role="alert" data-testid="sign-in-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The demo login is printed by scripts/demo (default demo@example.com / chatkit-glue-demo).
      </p>
    </form>
  );
}
