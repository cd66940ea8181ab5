import type { Column, ColumnKind } from "./table-columns";

/** COPY's text format: backslash, tab, newline and carriage return escaped. */
const escaped = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

/** A non-null SQLite value as a COPY field of `kind`, or undefined when it is not one. */
function field(kind: ColumnKind, value: unknown): string | undefined {
  switch (kind) {
    case "integer":
      return Number.isSafeInteger(value) ? String(value) : undefined;
    case "text":
      return typeof value === "string" ? escaped(value) : undefined;
    case "boolean":
      return value === 1 ? "t" : value === 0 ? "f" : undefined;
    case "bytea":
      // bytea's hex input `\x…`, its backslash escaped for COPY.
      return value instanceof Uint8Array ? `\\\\x${Buffer.from(value).toString("hex")}` : undefined;
  }
}

/** Writes SQLite rows of `table` as lines of COPY's text format; a value of the wrong kind throws. */
export function copyLines(table: string, columns: readonly Column[]): (row: readonly unknown[]) => string {
  return (row) =>
    columns
      .map(({ name, kind }, i) => {
        const value = row[i];
        if (value === null) return "\\N";
        const text = field(kind, value);
        if (text === undefined)
          throw new Error(`${table}.${name} holds ${JSON.stringify(value)}, which is not a ${kind}.`);
        return text;
      })
      .join("\t") + "\n";
}
