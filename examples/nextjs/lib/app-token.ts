"use client";
// The app's JWT in the browser, for the chatkit routes and the ChatKit server: fetched
// from Better Auth's GET /api/auth/token with the session cookie, kept in memory only
// (never in storage, never logged) and fetched again a minute before it expires.
// It is `ClientSecretSource.authToken` (lib/secrets.ts) and `createAuthFetch.token`
// (and, with { force: true }, `createAuthFetch.refreshToken`; app/custom/custom-chat.tsx).

let current: { token: string; expMs: number } | null = null;
let inflight: Promise<string | null> | null = null;

function expiryMs(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

async function fetchToken(): Promise<string | null> {
  const res = await fetch("/api/auth/token", { credentials: "same-origin", cache: "no-store" });
  if (res.status === 401) return null; // signed out
  if (!res.ok) throw new Error(`GET /api/auth/token answered ${res.status}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== "string" || !body.token) return null;
  current = { token: body.token, expMs: expiryMs(body.token) };
  return body.token;
}

/** The current JWT, or null when signed out. Single-flight. */
export function getAppToken({ force = false }: { force?: boolean } = {}): Promise<string | null> {
  if (!force && current && current.expMs - Date.now() > 60_000) return Promise.resolve(current.token);
  inflight ??= fetchToken().finally(() => (inflight = null));
  return inflight;
}

/** Forget the token (sign-out). */
export function clearAppToken() {
  current = null;
}
