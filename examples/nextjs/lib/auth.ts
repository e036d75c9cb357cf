// The app's Better Auth instance, created on first use: nothing opens the database while
// `next build` collects routes, and the environment (BETTER_AUTH_URL, ...) is read at run
// time. Configuration: lib/auth-server.mjs.
import { createAuth } from "./auth-server.mjs";

type Auth = ReturnType<typeof createAuth>;
let auth: Auth | undefined;

export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}
