// The JSON-Schema-Test-Suite (draft 2020-12) through the packed package in Node, so
// `pattern` uses the engine's RegExp: every schema that uses only the supported subset
// must be accepted by ClientTools.register and give the suite's answer for every case
// through dispatch; every other schema must be refused at register with invalid_config.
// optional/format/{uri,email,date-time,uuid}.json run too (those formats are asserted).
//
// The counts are printed and must equal the block in docs/conformance.md;
// UPDATE_CONFORMANCE=1 rewrites that block. Needs scripts/fetch-json-schema-suite and
// the tarball installed in tests/js (scripts/test does both).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const suite = join(root, "target/json-schema-suite/draft2020-12");
const require = createRequire(join(root, "tests/js/package.json"));
const { ClientTools } = await import(require.resolve("chatkit-glue"));

const KEYWORDS = new Set([
  "type", "properties", "required", "additionalProperties", "enum", "const", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
  "items", "minItems", "maxItems", "uniqueItems",
  "title", "description", "default", "examples", "$schema", "$id", "$comment", "deprecated", "readOnly", "writeOnly",
]);
const FORMATS = new Set(["uri", "email", "date-time", "uuid"]);
const DIALECTS = /^https?:\/\/json-schema\.org\/(draft\/2020-12|draft\/2019-09|draft-07|draft-06)\/schema#?$/;

/** Whether a schema uses only the supported subset (the suite's schemas are well-formed). */
function supported(schema) {
  if (typeof schema === "boolean") return true;
  for (const [key, value] of Object.entries(schema)) {
    if (!KEYWORDS.has(key)) return false;
    if (key === "format" && !FORMATS.has(value)) return false;
    if (key === "$schema" && !DIALECTS.test(value)) return false;
    if (key === "additionalProperties" && typeof value !== "boolean") return false;
    if (key === "items" && (Array.isArray(value) || !supported(value))) return false;
    if (key === "properties" && !Object.values(value).every(supported)) return false;
  }
  return true;
}

const files = [
  ...readdirSync(suite).filter((f) => f.endsWith(".json")).sort(),
  ...["uri", "email", "date-time", "uuid"].map((f) => `optional/format/${f}.json`),
];
const counts = { files: files.length, groups: 0, accepted: 0, refused: 0, cases: 0, passed: 0, refusedCases: 0, asserted: 0 };
const failures = [];

for (const file of files) {
  for (const group of JSON.parse(readFileSync(join(suite, file), "utf8"))) {
    counts.groups++;
    const tools = new ClientTools({ defaultTimeoutMs: 5000 });
    const expectSupported = supported(group.schema);
    let refusal = null;
    try {
      tools.register("t", { parameters: group.schema, handler: () => ({}) });
    } catch (error) {
      refusal = error;
    }
    const where = `${file}: ${group.description}`;
    if (refusal) {
      counts.refused++;
      counts.refusedCases += group.tests.length;
      if (refusal.code !== "invalid_config") failures.push(`${where}: register threw ${refusal.code}: ${refusal.message}`);
      else if (expectSupported) failures.push(`${where}: a supported schema was refused: ${refusal.message}`);
      continue;
    }
    counts.accepted++;
    if (!expectSupported) failures.push(`${where}: an unsupported schema was accepted`);
    for (const t of group.tests) {
      counts.cases++;
      // The top-level format.json says an invalid string is only an annotation by
      // default; chatkit-glue asserts uri, email, date-time and uuid (as the
      // format-assertion vocabulary would), so those cases must be refused instead.
      const asserted = file === "format.json" && /only an annotation by default/.test(t.description);
      if (asserted) counts.asserted++;
      const expected = asserted ? false : t.valid;
      const r = await tools.dispatch({ name: "t", params: t.data });
      const valid = !r.error;
      if (r.error && r.error.code !== "invalid_params") {
        failures.push(`${where} / ${t.description}: ${r.error.code}: ${r.error.message}`);
      } else if (valid !== expected) {
        failures.push(`${where} / ${t.description}: expected ${expected ? "valid" : "invalid"}, got ${valid ? "valid" : r.error.message}`);
      } else {
        counts.passed++;
      }
    }
    tools.dispose();
  }
}

const table = [
  "| | count |",
  "|---|---|",
  `| files (draft2020-12/*.json and 4 optional/format files) | ${counts.files} |`,
  `| schema groups | ${counts.groups} |`,
  `| groups accepted at register (only supported keywords) | ${counts.accepted} |`,
  `| groups refused at register with invalid_config | ${counts.refused} (${counts.refusedCases} cases not run) |`,
  `| cases run through dispatch | ${counts.cases} |`,
  `| cases passed | ${counts.passed} |`,
  `| of which format.json "annotation by default" cases, asserted by design | ${counts.asserted} |`,
].join("\n");
console.log(`JSON-Schema-Test-Suite draft 2020-12 (jsonschema 4.26.0) through the wasm build:\n${table}`);
for (const f of failures) console.error(`FAIL ${f}`);

const doc = join(root, "docs/conformance.md");
const text = readFileSync(doc, "utf8");
const block = /<!-- counts:begin -->[\s\S]*?<!-- counts:end -->/;
const fresh = `<!-- counts:begin -->\n${table}\n<!-- counts:end -->`;
if (process.env.UPDATE_CONFORMANCE === "1") {
  writeFileSync(doc, text.replace(block, fresh));
  console.log("docs/conformance.md updated");
} else if (!block.test(text) || text.match(block)[0] !== fresh) {
  failures.push("the counts differ from docs/conformance.md (run with UPDATE_CONFORMANCE=1 after an intended change)");
  console.error("FAIL the counts differ from docs/conformance.md");
}
console.log(`\n# pass ${counts.passed}\n# fail ${failures.length}`);
process.exit(failures.length ? 1 : 0);
