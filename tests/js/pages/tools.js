// The package plus zod 4 and valibot, for the client-tools browser tests. Importing must
// not fetch anything (the tests check that a schema registered now is only compiled
// once the module loads).
import * as glue from "chatkit-glue";
import { z } from "zod";
import * as v from "valibot";

window.glue = glue;
window.z = z;
window.v = v;
// Registered at import time, before the module loads: its schema error must surface
// through ready(), every dispatch of the tool, and the console once.
window.early = new glue.ClientTools().register("bad_schema", { parameters: { type: "object", properties: { at: { $ref: "https://example.com/schemas/place" } } }, handler: () => ({}) });
// With #links=<JSON list of URLs>, the link corpus runs at load, outside any user
// gesture (playwright's evaluate() runs with one), and its results wait in window.links.
if (location.hash.startsWith("#links=")) {
  const urls = JSON.parse(decodeURIComponent(location.hash.slice(7)));
  let opened = 0;
  window.open = () => {
    opened++;
    return null;
  };
  const tools = new glue.ClientTools().register("open_link", glue.openLinkTool({ allowedHosts: ["example.com", "*.example.org"] }));
  // The driver must not touch the page until the corpus is done (any evaluate() would
  // give the page user activation): the end is signalled by a same-document navigation,
  // which the driver sees without running script in the page.
  (async () => {
    const active = [];
    const results = [];
    for (const url of urls) {
      active.push(navigator.userActivation.isActive);
      results.push(await tools.dispatch({ name: "open_link", params: { url } }));
    }
    window.links = { active: active.some(Boolean), results, opened };
    location.hash = "links-done";
  })();
}
window.imported = true;
