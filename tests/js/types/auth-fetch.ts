// Type-level tests of createAuthFetch: every line must compile, and every line under an
// expect-error directive must not.
import { createAuthFetch, type AuthFetch, type AuthFetchOptions, type FetchEvent } from "chatkit-glue";

const events: FetchEvent[] = [];
const authFetch: AuthFetch = createAuthFetch({
  token: () => localStorage.getItem("jwt"),
  refreshToken: async () => "new",
  allowedOrigins: ["https://api.example.com"] as const,
  headersTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  fetch: (input, init) => fetch(input, init),
  onEvent: (e) => {
    events.push(e);
    const phase: "token_refresh" | "replay" | "timeout" = e.phase;
    const status: number | undefined = e.status;
    void [phase, status];
  },
});
// It is fetch: assignable where ChatKit's CustomApiConfig takes `fetch?: typeof fetch`,
// and called like fetch.
const api: { url: string; domainKey: string; fetch?: typeof fetch } = {
  url: "/api/chatkit",
  domainKey: "dk",
  fetch: createAuthFetch({ token: async () => null }),
};
const asFetch: typeof fetch = authFetch;
async function calls(): Promise<void> {
  const r: Response = await authFetch("/x", { method: "POST", headers: new Headers(), body: "b" });
  await authFetch(new Request("/x"));
  await authFetch(new URL("https://api.example.com/x"), { headers: [["a", "b"]] });
  void r;
}
const minimal: AuthFetchOptions = { token: () => "t" };
void [api, asFetch, calls, minimal];

// @ts-expect-error token is required
createAuthFetch({});
// @ts-expect-error token returns a string or null, not a number
createAuthFetch({ token: () => 5 });
// @ts-expect-error allowedOrigins is a list of strings
createAuthFetch({ token: () => null, allowedOrigins: "https://api.example.com" });
// @ts-expect-error timeouts are numbers of milliseconds
createAuthFetch({ token: () => null, idleTimeoutMs: "60s" });
// @ts-expect-error unknown options are refused
createAuthFetch({ token: () => null, allowedOrigin: ["https://api.example.com"] });
// @ts-expect-error events have no other phase
const wrongPhase: FetchEvent["phase"] = "retry";
// @ts-expect-error it resolves to a Response
const wrongResult: Promise<string> = authFetch("/x");
void [wrongPhase, wrongResult];
