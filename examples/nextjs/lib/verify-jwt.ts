// Verifies the app's JWT (Better Auth's jwt plugin) against the app's JWKS: signature,
// `iss`, `aud` and `exp`, with jose. `resolveUser` is what the chatkit routes use; it has
// the shape `createSessionHandlers({ resolveUser })` takes.
// It guards the custom backend's proxy (app/api/chatkit/route.ts) and the hosted routes
// (/api/chatkit/start and /refresh, through createSessionHandlers in lib/chatkit-sessions.ts).
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { getAuth } from "./auth";
import { jwtClaims } from "./auth-server.mjs";

// The JWKS the app publishes at /api/auth/jwks, read in-process (no HTTP call to itself),
// cached for a minute and re-read once when a token names a key it does not know (key
// rotation).
const JWKS_TTL_MS = 60_000;
let cached: { at: number; keys: ReturnType<typeof createLocalJWKSet> } | undefined;

async function jwks(fresh = false) {
  if (!fresh && cached && Date.now() - cached.at < JWKS_TTL_MS) return cached.keys;
  const set = (await getAuth().api.getJwks()) as unknown as JSONWebKeySet;
  cached = { at: Date.now(), keys: createLocalJWKSet(set) };
  return cached.keys;
}

/** The verified claims, or null when the token is not a valid, current JWT of this app. */
export async function verifyAppJwt(token: string): Promise<JWTPayload | null> {
  const { issuer, audience } = jwtClaims();
  const options = { issuer, audience, requiredClaims: ["sub", "exp", "iss", "aud"] };
  try {
    return (await jwtVerify(token, await jwks(), options)).payload;
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey) {
      try {
        return (await jwtVerify(token, await jwks(true), options)).payload;
      } catch {
        return null;
      }
    }
    // Expired, bad signature, wrong issuer/audience, malformed: all mean "not signed in".
    // Nothing about the token is logged.
    return null;
  }
}

/** The bearer token of a request, or null. */
export function bearerToken(req: Request): string | null {
  const value = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : null;
}

/** The user id (`sub`) of a request carrying a valid app JWT, else null (answer 401). */
export async function resolveUser(req: Request): Promise<string | null> {
  const token = bearerToken(req);
  if (!token) return null;
  const claims = await verifyAppJwt(token);
  return typeof claims?.sub === "string" && claims.sub ? claims.sub : null;
}

export function unauthorized(): Response {
  return Response.json(
    { error: { code: "unauthorized", message: "Sign in first: this route needs the app's JWT.", retryable: false } },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="chatkit"', "Cache-Control": "no-store" } },
  );
}
