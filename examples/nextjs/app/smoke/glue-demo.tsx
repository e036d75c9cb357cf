"use client";

import { useEffect, useState } from "react";
import { ClientTools, isGlueError, withTimeout } from "chatkit-glue";

type TimeoutState = { code: string; isGlue: boolean; message: string };

// Nothing from chatkit-glue runs during render (prerender included): the module is only
// used inside the effect, which runs in the browser after hydration.
export default function GlueDemo() {
  const [timeout, setTimeoutState] = useState<TimeoutState | null>(null);
  const [resolved, setResolved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tool, setTool] = useState<string | null>(null);

  useEffect(() => {
    let active = true; // StrictMode runs effects twice in development

    withTimeout(new Promise<never>(() => {}), 50).then(
      () => active && setFailure("withTimeout resolved a promise that never settles"),
      (err: unknown) => {
        if (!active) return;
        const e = err as { code?: unknown; message?: unknown };
        setTimeoutState({
          code: String(e?.code),
          isGlue: isGlueError(err),
          message: String(e?.message),
        });
      },
    );

    withTimeout(Promise.resolve("ok"), 1000).then(
      (value) => active && setResolved(value),
      (err: unknown) => active && setFailure(`resolved case rejected: ${String(err)}`),
    );

    // withTimeout needs no WebAssembly; a client tool's schema check loads the tools module.
    const tools = new ClientTools().register("add", {
      parameters: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] },
      handler: ({ a, b }: { a: number; b: number }) => ({ sum: a + b }),
    });
    tools.dispatch({ name: "add", params: { a: 1, b: 2 } }).then(
      (result) => active && setTool(JSON.stringify(result)),
      (err: unknown) => active && setFailure(`tool dispatch rejected: ${String(err)}`),
    );

    return () => {
      active = false;
      tools.dispose();
    };
  }, []);

  return (
    <section>
      <p>
        timeout code: <code data-testid="timeout-code">{timeout ? timeout.code : "pending"}</code>
      </p>
      <p>
        isGlueError: <code data-testid="is-glue">{timeout ? String(timeout.isGlue) : "pending"}</code>
      </p>
      <p>
        message: <code data-testid="timeout-message">{timeout ? timeout.message : "pending"}</code>
      </p>
      <p>
        resolved: <code data-testid="resolved">{resolved ?? "pending"}</code>
      </p>
      <p>
        tool result: <code data-testid="tool-result">{tool ?? "pending"}</code>
      </p>
      {failure ? <p data-testid="failure">{failure}</p> : null}
    </section>
  );
}
