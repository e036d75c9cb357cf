// Bench page: ClientTools.dispatch vs ajv-compiled validation + a direct call, and vs
// zod 4 parse + a direct call, for a 5-field params object. Bundled by benches/tools.mjs.
import { ClientTools } from "chatkit-glue";
import Ajv from "ajv";
import { z } from "zod";

const schema = {
  type: "object",
  properties: {
    title: { type: "string", minLength: 1, maxLength: 200 },
    count: { type: "integer", minimum: 0, maximum: 1000 },
    email: { type: "string", format: "email" },
    tags: { type: "array", items: { type: "string" }, maxItems: 10 },
    urgent: { type: "boolean" },
  },
  required: ["title", "count", "email", "tags", "urgent"],
  additionalProperties: false,
};
const params = { title: "Buy milk", count: 3, email: "joe@example.com", tags: ["home", "errand"], urgent: false };
const handler = (p) => ({ ok: true, n: p.count });

const zodSchema = z.object({
  title: z.string().min(1).max(200),
  count: z.number().int().min(0).max(1000),
  email: z.string().email(),
  tags: z.array(z.string()).max(10),
  urgent: z.boolean(),
}).strict();

async function measure(fn, ms = 500) {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 200; i++) await fn();
    n += 200;
  }
  return ((performance.now() - t0) * 1000) / n; // µs per call
}

window.bench = async (rounds) => {
  const tools = new ClientTools()
    .register("json", { parameters: schema, handler })
    .register("zod", { parameters: zodSchema, handler })
    .register("none", { handler });
  await tools.ready();
  const ajv = new Ajv({ allErrors: false });
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
  const validate = ajv.compile(schema);
  const ajvCall = async (p) => {
    if (!validate(p)) throw new Error("invalid");
    return handler(p);
  };
  const zodCall = async (p) => handler(zodSchema.parse(p));
  const paths = {
    dispatchJson: () => tools.dispatch({ name: "json", params }),
    dispatchZod: () => tools.dispatch({ name: "zod", params }),
    dispatchNone: () => tools.dispatch({ name: "none", params }),
    ajvDirect: () => ajvCall(params),
    zodDirect: () => zodCall(params),
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
