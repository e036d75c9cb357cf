// Fails when the gzipped .wasm or JS a browser downloads exceeds size-budget.json.
import { readFileSync } from "node:fs";
import { formatSizes, overBudget } from "./sizes.mjs";

const root = new URL("../../", import.meta.url);
const report = JSON.parse(readFileSync(new URL("target/size-report.json", root), "utf8"));
const budget = JSON.parse(readFileSync(new URL("size-budget.json", root), "utf8"));
console.log(formatSizes(report));
console.log(`budgets (gzip bytes a page downloads): ${JSON.stringify(budget.entryGzipBytes)}`);
const failures = overBudget(report, budget);
for (const f of failures) console.error(`over budget: ${f}`);
process.exit(failures.length ? 1 : 0);
