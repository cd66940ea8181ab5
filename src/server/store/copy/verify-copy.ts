import type pg from "pg";
import { tallyKeyColumns } from "../postgres/event-tallies";
import { cursorRows } from "./postgres-cursor";
import { rowDigest, type Digest } from "./row-digest";
import type { SqliteSnapshot } from "./sqlite-snapshot";
import { selectRows, type ColumnKind, type TableColumns } from "./table-columns";

/** One table as each side holds it; `same` when both the counts and the hashes agree. */
export type TableCheck = { table: string; sqlite: Digest; postgres: Digest; same: boolean };

type Compared = { table: string; kinds: ColumnKind[]; sqliteSql: string; postgresSql: string };

/** Text keys in byte order on PostgreSQL, as SQLite's BINARY collation orders them. */
const postgresOrder = ({ key, columns }: TableColumns) =>
  columns.find((column) => column.name === key)?.kind === "text" ? `${key} COLLATE "C"` : key;

function comparedTable(table: TableColumns): Compared {
  return {
    table: table.name,
    kinds: table.columns.map((column) => column.kind),
    sqliteSql: selectRows(table),
    postgresSql: selectRows(table, postgresOrder(table)),
  };
}

/**
 * PostgreSQL's tallies count events per day by fewer columns than SQLite's day tallies, so SQLite's are
 * summed to the same keys: both sides then say how many events each key has, which is what counts answer.
 */
const tallies: Compared = (() => {
  const keys = tallyKeyColumns.join(", ");
  const inBytes = tallyKeyColumns.map((column) => (column === "status" ? 'status COLLATE "C"' : column));
  const kinds = tallyKeyColumns.map((column): ColumnKind =>
    column === "status" ? "text" : column === "alert" || column === "in_container" ? "boolean" : "integer",
  );
  return {
    table: "event_tallies",
    kinds: [...kinds, "integer"],
    sqliteSql: `SELECT ${keys}, sum(n) FROM event_day_tallies GROUP BY ${keys} HAVING sum(n) > 0 ORDER BY ${keys}`,
    postgresSql: `SELECT ${keys}, n FROM event_tallies ORDER BY ${inBytes.join(", ")}`,
  };
})();

/**
 * Reads every copied table on both sides in key order, SQLite in the snapshot the copy read and PostgreSQL
 * in one snapshot of its own, and compares their row counts and hashes (the tallies too).
 */
export async function verifyCopy(
  source: SqliteSnapshot,
  client: pg.Client,
  tables: readonly TableColumns[],
): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    for (const { table, kinds, sqliteSql, postgresSql } of [...tables.map(comparedTable), tallies]) {
      const onSqlite = rowDigest(kinds);
      for (const row of source.rows(sqliteSql)) onSqlite.add(row);
      const onPostgres = rowDigest(kinds);
      for await (const row of cursorRows(client, postgresSql)) onPostgres.add(row);
      const [sqlite, postgres] = [onSqlite.digest(), onPostgres.digest()];
      checks.push({
        table,
        sqlite,
        postgres,
        same: sqlite.rows === postgres.rows && sqlite.sha256 === postgres.sha256,
      });
    }
  } finally {
    await client.query("COMMIT");
  }
  return checks;
}
