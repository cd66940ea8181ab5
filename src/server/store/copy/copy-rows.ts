import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyLines } from "./copy-text";
import type { Column } from "./table-columns";

const chunkBytes = 1 << 20;

/** One COPY statement of at most `limit` rows taken from `rows`, the first of them `first`. */
async function copyBatch(
  client: pg.ClientBase,
  sql: string,
  line: (row: readonly unknown[]) => string,
  first: unknown[],
  rows: Iterator<unknown[]>,
  limit: number,
): Promise<number> {
  const copy = client.query(copyFrom(sql));
  const state = { failed: false };
  copy.on("error", () => {
    state.failed = true;
  });
  const finished = once(copy, "finish");
  finished.catch(() => undefined);
  try {
    let chunk = line(first);
    let count = 1;
    while (count < limit) {
      const next = rows.next();
      if (next.done) break;
      chunk += line(next.value);
      count++;
      if (chunk.length > chunkBytes) {
        if (!copy.write(chunk)) await once(copy, "drain");
        chunk = "";
      }
    }
    copy.end(chunk);
    await finished;
    return count;
  } catch (error) {
    // A COPY the server ended has failed already; one we end sends the server CopyFail.
    if (!state.failed) copy.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/**
 * Streams `rows` (arrays in `columns` order) into `table` through COPY FROM STDIN, one statement per
 * `batchRows` rows, telling `onBatch` how many are in after each. Answers how many rows it copied.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: Iterator<unknown[]>,
  batchRows: number,
  onBatch: (copied: number) => void = () => undefined,
): Promise<number> {
  const sql = `COPY ${table} (${columns.map(({ name }) => name).join(", ")}) FROM STDIN`;
  const line = copyLines(table, columns);
  let copied = 0;
  try {
    for (let next = rows.next(); !next.done; next = rows.next()) {
      copied += await copyBatch(client, sql, line, next.value, rows, batchRows);
      onBatch(copied);
    }
    return copied;
  } finally {
    // A SQLite statement left mid-way keeps its connection busy.
    rows.return?.();
  }
}
