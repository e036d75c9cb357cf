// Receives the example's analytics batches (lib/analytics.ts): `{ events, sentAt }` as
// JSON (fetch) or text/plain (sendBeacon). No sign-in: a beacon cannot carry a token, and
// the events are redacted by the library before they leave the page. This example only
// logs one line per batch (its size and event types); a real app stores or forwards it.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BYTES = 64_000;

export async function POST(req: Request) {
  const text = await req.text();
  if (text.length > MAX_BYTES) return new Response(null, { status: 413 });
  let events: unknown;
  try {
    events = (JSON.parse(text) as { events?: unknown }).events;
  } catch {
    return Response.json({ error: { code: "bad_request", message: "expected JSON { events, sentAt }", retryable: false } }, { status: 400 });
  }
  if (!Array.isArray(events)) {
    return Response.json({ error: { code: "bad_request", message: "events must be an array", retryable: false } }, { status: 400 });
  }
  const types = new Map<string, number>();
  for (const e of events) {
    const raw = (e as { type?: unknown } | null)?.type;
    // Only names like "response.end" are logged: the body is the client's to choose.
    const type = typeof raw === "string" && /^[\w.:-]{1,40}$/.test(raw) ? raw : "?";
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  console.log(`analytics: ${events.length} events (${[...types].map(([t, n]) => `${t}×${n}`).join(", ")})`);
  return new Response(null, { status: 204 });
}
