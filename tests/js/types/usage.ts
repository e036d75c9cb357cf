// Type-level tests of the published index.d.ts: every line must compile, and every
// line under @ts-expect-error must not (tsc reports an unused directive otherwise).
import { withTimeout, isGlueError, ready, preload, type ChatKitGlueError, type GlueErrorCode } from "chatkit-glue";

async function usage(): Promise<void> {
  const n: number = await withTimeout(Promise.resolve(1), 100);
  const s: string = await withTimeout(async (signal: AbortSignal) => (signal.aborted ? "a" : "b"), 100, {
    signal: new AbortController().signal,
  });
  const sync: boolean = await withTimeout(() => true, 10);
  await ready();
  preload();
  try {
    await withTimeout(fetch("/x"), 5);
  } catch (e) {
    if (isGlueError(e)) {
      const code: GlueErrorCode = e.code;
      const retry: boolean = e.retryable;
      const status: number | undefined = e.status;
      const hint: string | undefined = e.hint;
      const err: ChatKitGlueError = e;
      void [code, retry, status, hint, err];
    }
  }
  void [n, s, sync];

  // @ts-expect-error the value type is kept: a number is not a string
  const wrong: string = await withTimeout(Promise.resolve(1), 100);
  // @ts-expect-error ms is required
  await withTimeout(Promise.resolve(1));
  // @ts-expect-error ms is a number
  await withTimeout(Promise.resolve(1), "100");
  // @ts-expect-error signal must be an AbortSignal
  await withTimeout(Promise.resolve(1), 100, { signal: "stop" });
  // @ts-expect-error unknown error codes are not codes
  const bogus: GlueErrorCode = "oops";
  // @ts-expect-error ready() resolves to nothing
  const r: string = await ready();
  void [wrong, bogus, r];
}
void usage;
