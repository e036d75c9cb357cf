// The hosted routes again, on Next's Edge runtime: POST /api/edge/chatkit/start and
// /api/edge/chatkit/refresh, one route that dispatches on its last segment
// (`chatkit.POST`). The pages use the Node routes (/api/chatkit/start, /refresh); this one
// shows, and the tests prove, that createSessionHandlers runs on the Edge runtime too.
import { edgeSessionHandlers } from "@/lib/edge-sessions";

export const runtime = "edge";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => edgeSessionHandlers().POST(req);
