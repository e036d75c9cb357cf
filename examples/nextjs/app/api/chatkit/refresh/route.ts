// Hosted ChatKit: a new session for the same user (OpenAI has no refresh).
import { sessionHandlers } from "@/lib/chatkit-sessions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => sessionHandlers().refresh(req);
