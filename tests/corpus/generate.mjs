// Writes the cases tests/schema_corpus.rs checks the staged draft 2020-12 validator
// against: JSON Schemas, each with instances and ajv 2020's verdict on each.
//
//   node tests/corpus/generate.mjs corpus OUT.json
//       the real schemas: pydantic v2 (the example server's virtualenv runs
//       pydantic_tools.py), zod 4 (zod_tools.mjs) and OpenAI strict-mode function
//       schemas (openai_strict.mjs), with the hand-written instances of instances.mjs
//       and their labels, plus a few mutations of every valid instance.
//   node tests/corpus/generate.mjs fuzz OUT.json [SEED] [SCHEMAS]
//       random schemas over the whole keyword set, each with random instances (fuzz.mjs).
//
// OUT.json: { oracle, writers, cases: [{ name, schema, ajvError?, instances: [{ data,
// kind, label?, ajv | ajvThrew }] }] }. `label` is the hand-written verdict (corpus only); `ajv` is
// ajv 2020's (`ajv/dist/2020`, ajv-formats' full mode). scripts/setup installs the
// pinned packages of package.json here (npm ci).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(import.meta.url);
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;

/** A fresh ajv 2020 with every format of ajv-formats asserted. */
export function newAjv() {
  // strict: false, as in ajv's own run of the suite: unknown keywords (pydantic's
  // `discriminator`, `title`s are fine anyway) and unknown formats are ignored, as
  // draft 2020-12 says.
  const ajv = new Ajv2020({ strict: false, logger: false, code: { optimize: false } });
  addFormats(ajv);
  return ajv;
}

/** xorshift32: the same numbers for the same seed on every machine. */
export function rng(seed) {
  // The seed mixed first (murmur3's finalizer), so that nearby seeds diverge at once.
  let s = seed >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  s = (s ^ (s >>> 16)) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return {
    next,
    below: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

/** Runs one schema against its instances; a schema ajv cannot compile keeps its error. */
function judge(ajv, name, schema, instances) {
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    return { name, schema, ajvError: String(e.message ?? e), instances: [] };
  }
  return {
    name,
    schema,
    instances: instances.map((i) => {
      try {
        return { ...i, ajv: validate(i.data) === true };
      } catch (e) {
        // ajv's generated code can throw (a TypeError in its bookkeeping of evaluated
        // properties): no verdict; the test asks a third implementation.
        return { ...i, ajvThrew: String(e.message ?? e) };
      }
    }),
  };
}

// ---- corpus ----

function pydanticSchemas() {
  const python = join(root, "examples/chatkit-server/.venv/bin/python");
  const run = spawnSync(python, [join(here, "pydantic_tools.py")], { encoding: "utf8" });
  if (run.error || run.status !== 0) {
    throw new Error(
      `pydantic_tools.py failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}\n` +
        "scripts/setup creates examples/chatkit-server/.venv",
    );
  }
  return JSON.parse(run.stdout);
}

/** Deep copy with one change: a few ways a model gets arguments wrong, or nearly right. */
function mutations(data, r, count) {
  const out = [];
  const spots = [];
  const walk = (v, path) => {
    spots.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(data, []);
  const replacements = [null, 0, -1, 1.5, "", "x", true, [], {}, "2025-01-01", 1e21];
  for (let n = 0; n < count; n++) {
    const copy = structuredClone(data);
    const path = r.pick(spots);
    const parent = path.slice(0, -1).reduce((v, k) => v[k], copy);
    const key = path[path.length - 1];
    const target = path.reduce((v, k) => v[k], copy);
    const op = r.below(5);
    if (op === 0 && path.length > 0) {
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
    } else if (op === 1 && target && typeof target === "object" && !Array.isArray(target)) {
      target[r.pick(["extra", "id", "__proto__x"])] = r.pick(replacements);
    } else if (op === 2 && Array.isArray(target) && target.length > 0) {
      target.push(structuredClone(target[0]));
    } else if (path.length > 0) {
      parent[key] = r.pick(replacements);
    } else {
      out.push(r.pick(replacements));
      continue;
    }
    out.push(copy);
  }
  return out;
}

async function corpus() {
  const { zodSchemas } = await import("./zod_tools.mjs");
  const { instances } = await import("./instances.mjs");
  const { strictSchemas } = await import("./openai_strict.mjs");
  const py = pydanticSchemas();
  const zod = zodSchemas();
  const ajv = newAjv();
  const r = rng(20261203);
  const cases = [];

  const withLabels = (writer, set) => {
    const list = [];
    for (const v of set.valid) list.push({ data: v, kind: "valid", label: true });
    for (const v of set.invalid) {
      if (v && typeof v === "object" && "invalidFor" in v && "data" in v) {
        list.push({ data: v.data, kind: "invalid", label: v.invalidFor !== writer });
      } else list.push({ data: v, kind: "invalid", label: false });
    }
    for (const v of set.valid) for (const m of mutations(v, r, 3)) list.push({ data: m, kind: "mutation" });
    return list;
  };

  for (const [name, set] of Object.entries(instances)) {
    if (!py.tools[name] || !zod[name]) throw new Error(`${name}: no schema from pydantic or zod`);
    cases.push(judge(ajv, `pydantic/${name}`, py.tools[name], withLabels("pydantic", set)));
    cases.push(judge(ajv, `zod/${name}`, zod[name], withLabels("zod", set)));
  }
  for (const s of strictSchemas) {
    cases.push(judge(ajv, `openai-strict/${s.name}`, s.schema, withLabels("openai", s)));
  }
  return { writers: { pydantic: py.pydantic, zod: version("zod") }, cases };
}

// ---- main ----

const [mode, out, seedArg, countArg] = process.argv.slice(2);
if (!out || (mode !== "corpus" && mode !== "fuzz")) {
  console.error("usage: node tests/corpus/generate.mjs corpus|fuzz OUT.json [SEED] [SCHEMAS]");
  process.exit(2);
}
let result;
if (mode === "corpus") result = await corpus();
else {
  const { fuzz } = await import("./fuzz.mjs");
  const seed = Number(seedArg ?? 20261203);
  const count = Number(countArg ?? 1500);
  result = { seed, ...fuzz(seed, count, newAjv(), judge, rng) };
}
result.oracle = `ajv ${version("ajv")} (ajv/dist/2020) + ajv-formats ${version("ajv-formats")}`;
writeFileSync(out, JSON.stringify(result));
const instances = result.cases.reduce((n, c) => n + c.instances.length, 0);
console.error(`${mode}: ${result.cases.length} schemas, ${instances} instances, ${result.oracle}`);
