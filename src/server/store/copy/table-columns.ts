import type pg from "pg";
import type { CopiedTable } from "./copied-tables";
import type { SqliteSnapshot } from "./sqlite-snapshot";

/** How a column's values are written to PostgreSQL and rendered for the verification. */
export type ColumnKind = "integer" | "text" | "boolean" | "bytea";
export type Column = { name: string; kind: ColumnKind };
export type TableColumns = CopiedTable & { columns: Column[] };

/** The table's rows, their columns in `columns` order, sorted by `order` (the key unless given). */
export const selectRows = ({ name, key, columns }: TableColumns, order: string = key) =>
  `SELECT ${columns.map((column) => column.name).join(", ")} FROM ${name} ORDER BY ${order}`;

const kinds: Partial<Record<string, ColumnKind>> = {
  int4: "integer",
  int8: "integer",
  text: "text",
  bool: "boolean",
  bytea: "bytea",
};

/**
 * The table with its columns, in PostgreSQL's order, read from both schemas: a column that one side has and
 * the other lacks stops the copy before it starts, since the copy would lose it or leave it empty.
 */
export async function tableColumns(
  source: SqliteSnapshot,
  client: pg.Client,
  table: CopiedTable,
): Promise<TableColumns> {
  const found = await client.query<{ name: string; type: string }>(
    `SELECT column_name AS name, udt_name AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table.name],
  );
  const columns = found.rows.map(({ name, type }) => {
    const kind = kinds[type];
    if (!kind) throw new Error(`The copy does not know PostgreSQL's type ${type} (${table.name}.${name}).`);
    return { name, kind };
  });
  const sqliteNames = source.columnNames(table.name);
  const postgresNames = columns.map(({ name }) => name);
  const onlySqlite = sqliteNames.filter((name) => !postgresNames.includes(name));
  const onlyPostgres = postgresNames.filter((name) => !sqliteNames.includes(name));
  if (onlySqlite.length > 0 || onlyPostgres.length > 0) {
    throw new Error(
      `The table ${table.name} differs between the stores: only in SQLite [${onlySqlite.join(", ")}], ` +
        `only in PostgreSQL [${onlyPostgres.join(", ")}]. Copy with the EventDesk version that wrote the file.`,
    );
  }
  return { ...table, columns };
}
