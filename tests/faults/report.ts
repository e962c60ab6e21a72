// The suite's results: one row per scenario, written to test-results/faults.md and printed at the end,
// failed scenarios included (their verdict says FAIL and why).
import { mkdirSync, writeFileSync } from "node:fs";

export type Row = {
  scenario: string;
  answered?: string;
  stored?: string;
  paid?: string;
  recovery?: string;
  verdict: "PASS" | "FAIL" | "SKIP";
  notes: string[];
};

const rows: Row[] = [];

/** A row for a scenario; fill it while the scenario runs, then call pass() (or it stays FAIL). */
export function scenario(name: string): Row & { pass(): void; note(text: string): void } {
  const row: Row = { scenario: name, verdict: "FAIL", notes: [] };
  rows.push(row);
  return Object.assign(row, {
    pass() {
      row.verdict = "PASS";
    },
    note(text: string) {
      row.notes.push(text);
    },
  });
}

const cell = (s: string | undefined) => (s ?? "—").replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderTable(meta: string[]): string {
  const lines = [
    "# Fault suite results",
    "",
    ...meta.map((m) => `- ${m}`),
    "",
    "| scenario | requests answered | clicks stored | payouts paid | recovery time | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${cell(r.scenario)} | ${cell(r.answered)} | ${cell(r.stored)} | ${cell(r.paid)} | ${cell(r.recovery)} | ${r.verdict} |`),
    "",
    "Notes:",
    "",
    ...rows.flatMap((r) => r.notes.map((n) => `- ${r.scenario}: ${n}`)),
    "",
  ];
  return lines.join("\n");
}

export function writeReport(meta: string[], file = "test-results/faults.md"): string {
  const text = renderTable(meta);
  mkdirSync("test-results", { recursive: true });
  writeFileSync(file, text);
  return text;
}

export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
