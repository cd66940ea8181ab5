import type pg from "pg";

/**
 * Drops the events' indexes but the primary key, so a bulk load writes no index entries row by row, and
 * answers the step that builds them again (each in one pass over the loaded rows).
 */
export async function dropEventIndexes(client: pg.ClientBase): Promise<() => Promise<void>> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'events' AND indexname NOT LIKE '%_pkey'`,
  );
  for (const { name } of indexes.rows) await client.query(`DROP INDEX ${name}`);
  return async () => {
    // pg_indexes writes a partitioned table's index `ON ONLY` it: that makes the parent's index alone, left
    // invalid and unused. `ON` the table builds it on every partition.
    for (const { definition } of indexes.rows) await client.query(definition.replace(" ON ONLY ", " ON "));
  };
}
