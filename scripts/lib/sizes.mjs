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
  const row = (name, s) => `  ${name.padEnd(34)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}`;
  const lines = [
    `chatkit-glue ${report.version}: what a browser downloads`,
    row("chatkit_glue_bg.wasm", report.wasm),
    row("JS (facade + glue, minified)", report.js),
  ];
  if (report.perExport) {
    lines.push("JS of one export alone (with the glue), as a tree-shaking bundler ships it:");
    for (const [name, s] of Object.entries(report.perExport)) lines.push(row(`  ${name}`, s));
  }
  return lines.join("\n");
}

/** The failures of `report` against `budget`, as sentences; empty when within budget. */
export function overBudget(report, budget) {
  const failures = [];
  if (report.wasm.gzip > budget.wasmGzipBytes) {
    failures.push(`.wasm is ${report.wasm.gzip} bytes gzipped, over its budget of ${budget.wasmGzipBytes}`);
  }
  if (report.js.gzip > budget.jsGzipBytes) {
    failures.push(`JS is ${report.js.gzip} bytes gzipped, over its budget of ${budget.jsGzipBytes}`);
  }
  return failures;
}
