// Bench entry for benches/loading.mjs: what an app page that uses only ClientTools runs,
// imported on a cold cache, until the first dispatch's result.
import { ClientTools } from "chatkit-glue";
import { schema, params } from "./first-dispatch.shared.js";

export async function run() {
  const tools = new ClientTools().register("add_task", { parameters: schema, handler: (p) => ({ ok: true, n: p.count }) });
  return tools.dispatch({ name: "add_task", params });
}
