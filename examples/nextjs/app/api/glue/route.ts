import { isGlueError, withTimeout } from "chatkit-glue";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  let timeout: { code: unknown; isGlue: boolean; message: string } | null = null;
  try {
    await withTimeout(new Promise<never>(() => {}), 20);
  } catch (err) {
    timeout = {
      code: (err as { code?: unknown }).code,
      isGlue: isGlueError(err),
      message: err instanceof Error ? err.message : String(err),
    };
  }
  const resolved = await withTimeout(Promise.resolve("ok"), 1000);
  return Response.json({ ...timeout, resolved });
}
