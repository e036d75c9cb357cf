// Bench entry for benches/loading.mjs: the JavaScript a user would write instead of
// ClientTools (@cfworker/json-schema, which needs no `new Function`, as chatkit-glue),
// imported on a cold cache, until the first call's result.
import { Validator } from "@cfworker/json-schema";
import { schema, params } from "./first-dispatch.shared.js";

export async function run() {
  const validator = new Validator(schema, "2020-12", false);
  if (!validator.validate(params).valid) throw new Error("invalid");
  const controller = new AbortController();
  let id;
  try {
    return await Promise.race([
      Promise.resolve({ ok: true, n: params.count, aborted: controller.signal.aborted }),
      new Promise((_, reject) => (id = setTimeout(() => reject(new Error("timeout")), 20_000))),
    ]);
  } finally {
    clearTimeout(id);
  }
}
