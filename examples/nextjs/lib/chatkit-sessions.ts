// The hosted routes' session handlers (server only): /api/chatkit/start and
// /api/chatkit/refresh mint a ChatKit session for the user whose app JWT `resolveUser`
// verified (no valid JWT: 401, and OpenAI is never called).
//
// Environment (read at run time, on first request):
//   OPENAI_API_KEY        the key; scripts/demo uses the sessions stand-in's placeholder
//                         key when none is set
//   CHATKIT_WORKFLOW_ID   the Agent Builder workflow (wf_...)
//   OPENAI_API_BASE_URL   default https://api.openai.com; scripts/demo points it at the
//                         local stand-in (tools/sessions-standin) when OPENAI_API_KEY is unset
//   CHATKIT_SESSION_SECONDS  session lifetime, 1 to 600 (default: OpenAI's, 600)
import { createSessionHandlers, type SessionHandlers } from "chatkit-glue";
import { resolveUser } from "./verify-jwt";

let handlers: SessionHandlers | undefined;

export function sessionHandlers(): SessionHandlers {
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
