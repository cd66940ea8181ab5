import { createHash } from "node:crypto";
import type { ColumnKind } from "./table-columns";

/** How many rows a side holds, and a sha256 over them all in key order. */
export type Digest = { rows: number; sha256: string };

/**
 * A value as both sides render it: integers as decimal text (PostgreSQL's bigint arrives as text), SQLite's
 * 0 and 1 in a boolean column as false and true, bytes as hex. A value of another type is rendered tagged
 * with its type, so it can only match a value of that same type.
 */
function rendered(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return null;
  if (kind === "integer" && typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (kind === "integer" && typeof value === "string") return value;
  if (kind === "text" && typeof value === "string") return value;
  if (kind === "boolean" && typeof value === "boolean") return value;
  if (kind === "boolean" && (value === 0 || value === 1)) return value === 1;
  if (kind === "bytea" && value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return { [typeof value]: value };
}

/** Hashes rows of columns of `kinds`, one at a time, each as the JSON array of its rendered values. */
export function rowDigest(kinds: readonly ColumnKind[]): {
  add: (row: readonly unknown[]) => void;
  digest: () => Digest;
} {
  const hash = createHash("sha256");
  let rows = 0;
  return {
    add(row) {
      hash.update(`${JSON.stringify(kinds.map((kind, i) => rendered(kind, row[i])))}\n`);
      rows++;
    },
    digest: () => ({ rows, sha256: hash.digest("hex") }),
  };
}
