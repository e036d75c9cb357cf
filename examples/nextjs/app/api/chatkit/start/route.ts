// Hosted ChatKit: mints a session for the signed-in user (lib/chatkit-sessions.ts).
import { sessionHandlers } from "@/lib/chatkit-sessions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => sessionHandlers().start(req);
