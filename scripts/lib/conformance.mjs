// The JSON-Schema-Test-Suite (draft 2020-12) through the packed package in Node, so
// `pattern` uses the engine's RegExp: every schema group must be accepted by
// ClientTools.register (with the suite's remotes/ as the `schemas` option) and give the
// suite's answer for every case through dispatch, except the named exceptions listed in
// docs/conformance.md. optional/format/*.json run for every asserted format.
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

// The asserted formats: their optional/format files run, and format.json's "only an
// annotation by default" cases for them must be refused instead.
const FORMATS = ["uri", "uri-reference", "email", "date-time", "date", "time", "duration", "uuid", "ipv4", "ipv6", "hostname", "json-pointer"];
const ASSERTED = new Set([...FORMATS, "regex"]);

/** The suite's remotes/, as the `schemas` option: served at http://localhost:1234/. */
function remotes(dir, prefix, out) {
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, name.name);
    if (name.isDirectory()) remotes(path, `${prefix}${name.name}/`, out);
    else if (name.name.endsWith(".json")) out[`${prefix}${name.name}`] = JSON.parse(readFileSync(path, "utf8"));
  }
  return out;
}
const schemas = remotes(join(root, "target/json-schema-suite/remotes"), "http://localhost:1234/", {});

/** The named exceptions (docs/conformance.md): a group refused at register for these reasons. */
function excepted(file, error) {
  return file === "vocabulary.json" || /json-schema\.org\/draft\/2020-12\/schema/.test(error.message);
}

const files = [
  ...readdirSync(suite).filter((f) => f.endsWith(".json")).sort(),
  ...[...FORMATS, "regex"].map((f) => `optional/format/${f}.json`),
];
const counts = { files: files.length, groups: 0, accepted: 0, excepted: 0, exceptedCases: 0, cases: 0, passed: 0, asserted: 0 };
const failures = [];

for (const file of files) {
  for (const group of JSON.parse(readFileSync(join(suite, file), "utf8"))) {
    counts.groups++;
    const tools = new ClientTools({ defaultTimeoutMs: 5000, schemas });
    let refusal = null;
    try {
      tools.register("t", { parameters: group.schema, handler: () => ({}) });
    } catch (error) {
      refusal = error;
    }
    const where = `${file}: ${group.description}`;
    if (refusal) {
      if (refusal.code === "invalid_config" && excepted(file, refusal)) {
        counts.excepted++;
        counts.exceptedCases += group.tests.length;
      } else {
        failures.push(`${where}: register threw ${refusal.code}: ${refusal.message}`);
      }
      tools.dispose();
      continue;
    }
    counts.accepted++;
    for (const t of group.tests) {
      counts.cases++;
      // format.json says an invalid string is only an annotation by default; chatkit-glue
      // asserts its formats (as the format-assertion vocabulary would), so those cases
      // must be refused instead.
      const asserted = file === "format.json" && /only an annotation by default/.test(t.description) && ASSERTED.has(group.schema.format);
      const expected = asserted ? false : t.valid;
      const r = await tools.dispatch({ name: "t", params: t.data });
      const valid = !r.error;
      if (r.error && r.error.code !== "invalid_params") {
        failures.push(`${where} / ${t.description}: ${r.error.code}: ${r.error.message}`);
      } else if (valid !== expected) {
        failures.push(`${where} / ${t.description}: expected ${expected ? "valid" : "invalid"}, got ${valid ? "valid" : r.error.message}`);
      } else {
        counts.passed++;
        if (asserted) counts.asserted++;
      }
    }
    tools.dispose();
  }
}

const table = [
  "| | count |",
  "|---|---|",
  `| files (draft2020-12/*.json and 13 optional/format files) | ${counts.files} |`,
  `| schema groups | ${counts.groups} |`,
  `| groups accepted at register | ${counts.accepted} |`,
  `| groups refused at register by a named exception | ${counts.excepted} (${counts.exceptedCases} cases not run) |`,
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
