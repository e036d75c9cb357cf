// Shared by the benchmark scripts: the machine a run measured, and BENCHMARKS.md sections
// (each bench rewrites only its own "## Title" section).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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
