// Shared by the benchmark scripts: the machine a run measured, and BENCHMARKS.md sections
// (each bench rewrites only its own "## Title" section).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const file = join(repoRoot, "BENCHMARKS.md");

export function machine() {
  let chromium = "unknown";
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
  } catch {}
  return `${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${chromium}`;
}

/** Median, min and max of a list of numbers. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

/** Replaces (or appends) the section headed `## title` in BENCHMARKS.md. */
export function writeSection(title, body) {
  const header = "# Benchmarks\n\nNumbers written by the bench scripts (`scripts/bench`); each section says how it was measured and on what machine. Speed is measured here, never asserted in tests.\n";
  let text = existsSync(file) ? readFileSync(file, "utf8") : header;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const start = text.indexOf(`## ${title}\n`);
  if (start === -1) {
    text = text.trimEnd() + "\n\n" + section;
  } else {
    const next = text.indexOf("\n## ", start + 1);
    text = text.slice(0, start) + section + (next === -1 ? "" : text.slice(next + 1));
  }
  writeFileSync(file, text.trimEnd() + "\n");
  console.log(section);
}

/**
 * A horizontal bar chart as an SVG document: one bar per row, ours in one colour and the
 * peers in another, the value printed at the end of each bar. `rows`: `{ label, value,
 * ours }`; `unit` follows each value (`KiB`, `µs`).
 */
export function barChart({ title, unit, rows, digits = 1 }) {
  const width = 760;
  const labelWidth = 300;
  const barMax = width - labelWidth - 90;
  const rowHeight = 26;
  const top = 44;
  const height = top + rows.length * rowHeight + 16;
  const max = Math.max(...rows.map((r) => r.value), 1e-9);
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowHeight;
      const w = Math.max(1, (r.value / max) * barMax);
      const fill = r.ours ? "#2563eb" : "#9ca3af";
      return [
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${esc(r.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" rx="3" fill="${fill}"/>`,
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}">${r.value.toFixed(digits)} ${esc(unit)}</text>`,
      ].join("");
    })
    .join("\n  ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13" fill="#111827">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="12" y="24" font-size="15" font-weight="600">${esc(title)}</text>
  <text x="${width - 12}" y="24" text-anchor="end" fill="#2563eb">■ chatkit-glue</text>
  <text x="${width - 130}" y="24" text-anchor="end" fill="#6b7280">■ peer</text>
  ${bars}
</svg>
`;
}

/** Writes a chart into benches/charts/NAME.svg; returns its path relative to the repo. */
export function writeChart(name, chart) {
  const dir = join(repoRoot, "benches/charts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.svg`), barChart(chart));
  return `benches/charts/${name}.svg`;
}
