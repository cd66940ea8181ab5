import { existsSync } from "node:fs";
import type Database from "better-sqlite3";
import { migrations } from "../sqlite/migrations";
import { openDatabase } from "../sqlite/open-database";

/** A SQLite store as it was at one moment, read-only: every read is inside one read transaction. */
export type SqliteSnapshot = {
  /** The rows of `sql`, each an array of its columns' values, read as they are asked for. */
  rows(sql: string): IterableIterator<unknown[]>;
  count(table: string): number;
  /** The first column of the first row of `sql`. */
  value(sql: string): unknown;
  columnNames(table: string): string[];
  close(): void;
};

function versionProblem(file: string, version: number): string {
  if (version === 0) return `${file} holds no EventDesk store.`;
  if (version > migrations.length)
    return `${file} was written by a newer EventDesk (schema version ${version}, this one knows ${migrations.length}): copy it with that version.`;
  return (
    `${file} has schema version ${version} of ${migrations.length}: start this EventDesk on it once ` +
    "(npm start, or npm run seed) to bring it up to date, then copy it."
  );
}

/**
 * Opens the store read-only (a server may go on using it) and starts the read transaction: what the server
 * commits from then on is not seen, so the copy and its verification read one consistent store.
 */
export function openSqliteSnapshot(file: string): SqliteSnapshot {
  if (!existsSync(file)) throw new Error(`There is no SQLite store at ${file}.`);
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version !== migrations.length) throw new Error(versionProblem(file, version));
    db.exec("BEGIN");
    // A deferred transaction takes its snapshot at its first read.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (error) {
    db?.close();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.includes(file) ? message : `Cannot read ${file}: ${message}`, { cause: error });
  }
  return {
    rows: (sql) => db.prepare(sql).raw(true).iterate() as IterableIterator<unknown[]>,
    count: (table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    value: (sql) => db.prepare(sql).pluck().get(),
    columnNames: (table) =>
      db
        .prepare("SELECT name FROM pragma_table_info(?)")
        .pluck()
        .all(table)
        .map((name) => String(name)),
    close() {
      db.close();
    },
  };
}
