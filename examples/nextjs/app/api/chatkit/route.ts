// The custom backend, seen from the browser: ChatKit posts its protocol here (same
// origin, so no CORS, and the Python server stays on 127.0.0.1 behind the app). The route
// refuses requests without a valid app JWT (401), then streams the request to the
// ChatKit server (examples/chatkit-server) and its answer (SSE) back, unbuffered. The
// Python server verifies the same bearer token again: it trusts no caller.
import { chatkitServerUrl } from "@/lib/chatkit-server";
import { resolveUser, unauthorized } from "@/lib/verify-jwt";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!(await resolveUser(req))) return unauthorized();
  let upstream: Response;
  try {
    upstream = await fetch(chatkitServerUrl(), {
      method: "POST",
      headers: {
        "content-type": req.headers.get("content-type") ?? "application/json",
        accept: req.headers.get("accept") ?? "*/*",
        authorization: req.headers.get("authorization") ?? "",
      },
      body: await req.arrayBuffer(),
      signal: req.signal,
      cache: "no-store",
    });
  } catch {
    return Response.json(
      { error: { code: "bad_gateway", message: "The ChatKit server is not reachable (is scripts/demo running?).", retryable: true } },
      { status: 502 },
    );
  }
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
