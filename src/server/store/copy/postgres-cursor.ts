import type pg from "pg";

/** The rows of `sql` as arrays, fetched through a cursor `fetchRows` at a time; inside a transaction. */
export async function* cursorRows(
  client: pg.Client,
  sql: string,
  fetchRows = 10_000,
): AsyncGenerator<unknown[], void, undefined> {
  await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR ${sql}`);
  try {
    for (;;) {
      const { rows } = await client.query<unknown[]>({
        text: `FETCH ${fetchRows} FROM copy_rows`,
        rowMode: "array",
      });
      yield* rows;
      if (rows.length < fetchRows) return;
    }
  } finally {
    await client.query("CLOSE copy_rows");
  }
}
