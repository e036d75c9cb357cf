// Type-level tests of ClientTools: params are inferred from a Standard Schema, given
// explicitly with a JSON Schema, and a wrong handler fails to compile.
import { ClientTools, openLinkTool, type ToolEvent, type ToolErrorResult, type StandardSchemaV1 } from "chatkit-glue";
import { z } from "zod";
import * as v from "valibot";

const tools = new ClientTools({ defaultTimeoutMs: 5_000, errorMode: "result", onEvent: (e: ToolEvent) => void e.callId });

tools
  .register("add_note", {
    parameters: z.object({ text: z.string(), tags: z.array(z.string()).optional() }),
    handler: (params, ctx) => {
      const text: string = params.text;
      const tags: string[] | undefined = params.tags;
      const aborted: boolean = ctx.signal.aborted;
      return { saved: true, text, tags, aborted };
    },
  })
  .register("search", {
    parameters: v.object({ query: v.string(), limit: v.number() }),
    handler: async ({ query, limit }) => ({ results: [query], limit: limit + 1 }),
  })
  .register<{ id: number }>("delete", {
    parameters: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
    timeoutMs: 1_000,
    handler: ({ id }) => ({ deleted: id }),
  })
  .register("ping", { handler: () => {} })
  .register("side_effect", { handler: async () => {} })
  .register("open_link", openLinkTool({ allowedHosts: ["example.com", "*.example.org"], target: "_self" }));

// ChatKit's onClientTool: ({ name, params }) => Promise<Record<string, unknown>> | Record<string, unknown>
const onClientTool: (call: { name: string; params: Record<string, unknown> }) => Promise<Record<string, unknown>> | Record<string, unknown> = tools.dispatch;
const names: string[] = tools.names();
const removed: boolean = tools.unregister("ping");
const ready: Promise<void> = tools.ready();
tools.dispose();
declare const failure: ToolErrorResult;
const mayHaveCompleted: boolean = failure.error.mayHaveCompleted;
type Out = StandardSchemaV1.InferOutput<typeof schemaForInfer>;
const schemaForInfer = z.object({ n: z.number() });
const inferred: Out = { n: 1 };
void [onClientTool, names, removed, ready, mayHaveCompleted, inferred];

const textSchema = z.object({ text: z.string() });
// @ts-expect-error the schema's output has text: string, not number
tools.register("wrong_param_type", { parameters: textSchema, handler: (params: { text: number }) => ({ n: params.text }) });
// @ts-expect-error no such property in the schema's output
tools.register("wrong_property", { parameters: textSchema, handler: (params) => ({ n: params.missing }) });
// @ts-expect-error the explicit params type has id: number
tools.register<{ id: number }>("explicit", { parameters: { type: "object" }, handler: (params: { id: string }) => ({ id: params.id }) });
// @ts-expect-error a JSON schema with an explicit type still needs a handler of that type
tools.register<{ id: number }>("explicit_result", { handler: (params) => params.id });

// @ts-expect-error a handler must return an object or nothing, not a string
tools.register("returns_string", { handler: () => "done" });

// @ts-expect-error a handler is required
tools.register("no_handler", { parameters: { type: "object" } });

// @ts-expect-error errorMode is "result" or "throw"
new ClientTools({ errorMode: "silent" });

// @ts-expect-error openLinkTool's target is "_blank" or "_self"
openLinkTool({ target: "_top" });
