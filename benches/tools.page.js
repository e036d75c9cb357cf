// Bench page: ClientTools.dispatch beside what a user would write instead, for the
// 5-field schema of the lean-runtime issue (string with length bounds, bounded integer,
// boolean, enum, array of strings with maxItems; all required; no additional
// properties) over 1000 distinct params objects. Peers validate and run the handler with
// an AbortController and a setTimeout deadline, as dispatch does. Bundled by
// benches/tools.mjs.
import { ClientTools } from "chatkit-glue";
import Ajv2020 from "ajv/dist/2020";
import { Validator } from "@cfworker/json-schema";
import { z } from "zod";

const schema = {
  type: "object",
  properties: {
    title: { type: "string", minLength: 1, maxLength: 200 },
    count: { type: "integer", minimum: 0, maximum: 1000 },
    urgent: { type: "boolean" },
    kind: { enum: ["task", "note", "event"] },
    tags: { type: "array", items: { type: "string" }, maxItems: 10 },
  },
  required: ["title", "count", "urgent", "kind", "tags"],
  additionalProperties: false,
};
const KINDS = ["task", "note", "event"];
const inputs = Array.from({ length: 1000 }, (_, i) => ({
  title: `Item ${i} ${"x".repeat(i % 40)}`,
  count: i % 1000,
  urgent: i % 2 === 0,
  kind: KINDS[i % 3],
  tags: Array.from({ length: i % 5 }, (_, j) => `tag${j}`),
}));
let next = 0;
const params = () => inputs[next++ % inputs.length];
const handler = (p) => ({ ok: true, n: p.count });

const zodSchema = z
  .object({
    title: z.string().min(1).max(200),
    count: z.number().int().min(0).max(1000),
    urgent: z.boolean(),
    kind: z.enum(KINDS),
    tags: z.array(z.string()).max(10),
  })
  .strict();

async function measure(fn, ms = 500) {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 200; i++) await fn();
    n += 200;
  }
  return ((performance.now() - t0) * 1000) / n; // µs per call
}

/** What a hand-written onClientTool does: validate, then run with a deadline and a signal. */
function guarded(valid) {
  return async (p) => {
    if (!valid(p)) throw new Error("invalid");
    const controller = new AbortController();
    let id;
    try {
      return await Promise.race([
        Promise.resolve(handler(p, { signal: controller.signal })),
        new Promise((_, j) => (id = setTimeout(() => (controller.abort(), j(new Error("timeout"))), 20_000))),
      ]);
    } finally {
      clearTimeout(id);
    }
  };
}

window.bench = async (rounds) => {
  const tools = new ClientTools()
    .register("json", { parameters: schema, handler })
    .register("zod", { parameters: zodSchema, handler })
    .register("none", { handler });
  await tools.ready();
  const validate = new Ajv2020({ allErrors: false }).compile(schema);
  const cfworker = new Validator(schema, "2020-12", false);
  const ajvCall = guarded((p) => validate(p));
  const cfworkerCall = guarded((p) => cfworker.validate(p).valid);
  const zodCall = guarded((p) => zodSchema.safeParse(p).success);
  const paths = {
    dispatchJson: () => tools.dispatch({ name: "json", params: params() }),
    dispatchZod: () => tools.dispatch({ name: "zod", params: params() }),
    dispatchNone: () => tools.dispatch({ name: "none", params: params() }),
    ajv: () => ajvCall(params()),
    cfworker: () => cfworkerCall(params()),
    zod: () => zodCall(params()),
  };
  const out = {};
  for (const [key, fn] of Object.entries(paths)) {
    const check = await fn();
    if (!check || check.ok !== true) throw new Error(`${key} answered ${JSON.stringify(check)}`);
    for (let i = 0; i < 2000; i++) await fn(); // warm up
    out[key] = [];
  }
  for (let r = 0; r < rounds; r++) for (const [key, fn] of Object.entries(paths)) out[key].push(await measure(fn));
  return out;
};
window.imported = true;
