// Raw, gzip (level 9) and brotli (quality 11) sizes, and the check against the budget.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export function sizesOf(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function formatSizes(report) {
  const row = (name, s, extra = "") =>
    `  ${name.padEnd(34)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}${extra}`;
  const lines = [`chatkit-glue ${report.version}: what a browser downloads`];
  for (const [name, s] of Object.entries(report.modules || {})) lines.push(row(name, s));
  lines.push(row("every .wasm", report.wasm), row("JS (facade + glue, minified)", report.js));
  if (report.perExport) {
    lines.push("What a page downloads for one export alone (JS as a tree-shaking bundler ships it, + the .wasm it loads):");
    for (const [name, e] of Object.entries(report.perExport)) {
      lines.push(row(`  ${name}`, e.total, `   (JS ${kb(e.js.gzip)} gzip${e.modules.length ? ", " + e.modules.join(", ") : ""})`));
    }
    for (const [name, e] of Object.entries(report.pages || {})) lines.push(row(`  ${name}`, e.total, `   (JS ${kb(e.js.gzip)} gzip, ${e.modules.length} modules)`));
    lines.push(row("  every export", report.all.total));
  }
  return lines.join("\n");
}

/** The failures of `report` against `budget`, as sentences; empty when within budget. */
export function overBudget(report, budget) {
  const failures = [];
  for (const [name, limit] of Object.entries(budget.entryGzipBytes || {})) {
    const e = name === "*" ? report.all : report.perExport[name] || report.pages?.[name];
    if (!e) failures.push(`the budget names ${name}, which the package does not export`);
    else if (e.total.gzip > limit) failures.push(`${name === "*" ? "every export" : name} downloads ${e.total.gzip} bytes gzipped, over its budget of ${limit}`);
  }
  return failures;
}
