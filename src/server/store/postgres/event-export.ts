import type pg from "pg";
import { csvLine, type CsvValue } from "../../../contract/csv";
import type { EventExport } from "../event-store";
import { isoTimestamp } from "../iso-timestamp";
import { compileEventExport, type EventQuery } from "./compile-event-query";
import { eventCounts } from "./event-counts";

export const defaultChunkRows = 2000;

const encoder = new TextEncoder();
const done = { done: true, value: undefined } as const;

/**
 * An export in a read-only REPEATABLE READ transaction of its own: the count and every row come from one
 * snapshot, so the CSV holds exactly `total` rows whatever is written meanwhile, read through a cursor a
 * chunk at a time as the caller asks. The transaction lasts as long as the export: the HTTP layer ends one
 * whose client stops reading (the send timeout), which ends the transaction and frees the connection.
 */
export async function startExport(
  client: pg.PoolClient,
  query: EventQuery,
  chunkRows: number,
  release: (error?: Error) => void,
): Promise<EventExport> {
  let open = true;
  const finish = async (sql: "COMMIT" | "ROLLBACK") => {
    if (!open) return;
    open = false;
    try {
      await client.query(sql);
      release();
    } catch (error) {
      release(error instanceof Error ? error : new Error(String(error)));
    }
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { total } = await eventCounts(client, query);
    if (total === 0) {
      await finish("COMMIT");
      return { total, csv: { next: () => Promise.resolve(done) } };
    }
    const selected = compileEventExport(query);
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${selected.text}`, selected.values);
    const csv: EventExport["csv"] = {
      async next() {
        if (!open) return done;
        const { rows } = await client.query<CsvValue[]>({
          text: `FETCH ${String(chunkRows)} FROM export_rows`,
          rowMode: "array",
        });
        if (rows.length === 0) {
          await finish("COMMIT");
          return done;
        }
        let text = "";
        for (const row of rows) {
          row[1] = isoTimestamp(row[1] as number);
          text += csvLine(row);
        }
        return { done: false, value: encoder.encode(text) };
      },
      async return() {
        await finish("ROLLBACK");
        return done;
      },
    };
    return { total, csv };
  } catch (error) {
    await finish("ROLLBACK");
    throw error;
  }
}
