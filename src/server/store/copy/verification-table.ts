import type { TableCheck } from "./verify-copy";

const hashShown = 16;

/** The checks as a plain-text table: per table, rows and the start of the hash on each side, and the verdict. */
export function verificationTable(checks: readonly TableCheck[]): string {
  const header = ["table", "SQLite rows", "PostgreSQL rows", "SQLite sha256", "PostgreSQL sha256", ""];
  const rows = checks.map(({ table, sqlite, postgres, same }) => [
    table,
    sqlite.rows.toLocaleString("en"),
    postgres.rows.toLocaleString("en"),
    sqlite.sha256.slice(0, hashShown),
    postgres.sha256.slice(0, hashShown),
    same ? "same" : "DIFFERS",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const numeric = (i: number) => i === 1 || i === 2;
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
