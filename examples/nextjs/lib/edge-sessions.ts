// The hosted routes' session handlers for Next's Edge runtime (OpenAI's ChatKit starter
// mints sessions in an edge route): the same createSessionHandlers, with a resolveUser
// that needs only web APIs. The Edge runtime has no SQLite, so the app's JWT is verified
// against the JWKS the app publishes over HTTP (jose's remote key set, cached) instead of
// in-process as lib/verify-jwt.ts does. Same environment as lib/chatkit-sessions.ts.
import { createSessionHandlers, type SessionHandlers } from "chatkit-glue";
import { createRemoteJWKSet, jwtVerify } from "jose";

let handlers: SessionHandlers | undefined;
let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

function origin() {
  return (process.env.BETTER_AUTH_URL || "http://127.0.0.1:3000").replace(/\/+$/, "");
}

/** The user id (`sub`) of a request carrying a valid app JWT, else null (answer 401). */
async function resolveUser(req: Request): Promise<string | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  if (!match) return null;
  keys ??= createRemoteJWKSet(new URL("/api/auth/jwks", origin()));
  try {
    const { payload } = await jwtVerify(match[1], keys, {
      issuer: origin(),
      audience: origin(),
      requiredClaims: ["sub", "exp", "iss", "aud"],
    });
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    // Expired, bad signature, wrong issuer/audience, malformed: not signed in. Nothing
    // about the token is logged.
    return null;
  }
}

export function edgeSessionHandlers(): SessionHandlers {
  if (!handlers) {
    const seconds = Number(process.env.CHATKIT_SESSION_SECONDS);
    handlers = createSessionHandlers({
      apiKey: process.env.OPENAI_API_KEY,
      workflowId: process.env.CHATKIT_WORKFLOW_ID,
      baseUrl: process.env.OPENAI_API_BASE_URL || undefined,
      resolveUser,
      ...(Number.isInteger(seconds) && seconds > 0 ? { expiresAfterSeconds: seconds } : {}),
    });
  }
  return handlers;
}
