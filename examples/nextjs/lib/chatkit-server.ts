// Server side only (route handlers and server components): where the example ChatKit
// server (examples/chatkit-server) listens, and the client tools it declares.
import type { JsonSchema } from "chatkit-glue";

/** The ChatKit server's protocol endpoint; the app proxies the browser's requests to it. */
export const chatkitServerUrl = () => process.env.CHATKIT_SERVER_URL || "http://127.0.0.1:8000/chatkit";

/** A client tool the ChatKit server declares: as an OpenAI function tool, its parameters pydantic's JSON Schema. */
export type ServerTool = { name: string; description?: string; parameters: JsonSchema };

/**
 * The client tools the ChatKit server declares (`GET /client-tools`, beside `/chatkit`),
 * read on every render of the custom page: the server's pydantic models are the one
 * source of truth, so the page validates exactly what the model was told, even after
 * the server alone was redeployed. (Behind a CDN or with many renders, cache it:
 * `next: { revalidate: 60 }`.) Unreachable or malformed: no server tools, and the page
 * keeps its own; the chat itself needs that server anyway.
 */
export async function fetchServerTools(): Promise<ServerTool[]> {
  const url = new URL("client-tools", chatkitServerUrl());
  try {
    const res = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(3_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body: unknown = await res.json();
    const list = (body as { tools?: unknown })?.tools;
    if (!Array.isArray(list)) throw new Error("no tools list");
    return list.flatMap((t) =>
      t && typeof t.name === "string" && (typeof t.parameters === "object" || typeof t.parameters === "boolean")
        ? [{ name: t.name, description: typeof t.description === "string" ? t.description : undefined, parameters: t.parameters }]
        : [],
    );
  } catch (err) {
    console.warn(`custom page: no client tools from ${url.origin} (${err instanceof Error ? err.message : String(err)})`);
    return [];
  }
}
