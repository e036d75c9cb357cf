// Better Auth's endpoints: sign-in/up/out, the session, GET /api/auth/token (the app's JWT)
// and GET /api/auth/jwks (the public keys that verify it).
import { getAuth } from "@/lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (req: Request) => getAuth().handler(req);
export const POST = (req: Request) => getAuth().handler(req);
