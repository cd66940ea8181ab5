import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupedWrites } from "./grouped-writes";
import { tempDbFile } from "./test-fixture";

let temp: ReturnType<typeof tempDbFile>;
let db: Database.Database;
let commits: number;
let grouped: ReturnType<typeof groupedWrites>;

beforeEach(() => {
  temp = tempDbFile();
  mkdirSync(dirname(temp.file), { recursive: true });
  db = new Database(temp.file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(`
    CREATE TABLE parents (id INTEGER PRIMARY KEY);
    CREATE TABLE rows (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
    );
  `);
  commits = 0;
  grouped = groupedWrites(db, () => {
    commits++;
  });
});
afterEach(() => {
  db.close();
  temp.remove();
});

const insert =
  (label: string, parentId: number | null = null) =>
  () =>
    Number(
      db.prepare("INSERT INTO rows (label, parent_id) VALUES (?, ?)").run(label, parentId).lastInsertRowid,
    );
const labels = () => db.prepare("SELECT label FROM rows ORDER BY id").pluck().all();

describe("groupedWrites", () => {
  it("commits the writes of one turn together and answers each its own result", async () => {
    const ids = await Promise.all(["a", "b", "c", "d"].map((label) => grouped.write(insert(label))));
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(commits).toBe(1);
    expect(labels()).toEqual(["a", "b", "c", "d"]);
  });

  it("a write of a later turn commits on its own", async () => {
    await grouped.write(insert("a"));
    await grouped.write(insert("b"));
    expect(commits).toBe(2);
  });

  it("a failing write is refused alone: its rows are rolled back, the others stored", async () => {
    const failing = () => {
      insert("half-done")();
      insert("a")();
    };
    const outcomes = await Promise.allSettled([
      grouped.write(insert("a")),
      grouped.write(failing),
      grouped.write(insert("b")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(labels()).toEqual(["a", "b"]);
  });

  it("a commit that fails refuses every write in it and stores none", async () => {
    const outcomes = await Promise.allSettled([
      grouped.write(insert("a")),
      grouped.write(insert("orphan", 42)),
      grouped.write(insert("b")),
    ]);
    expect(outcomes.every((outcome) => outcome.status === "rejected")).toBe(true);
    expect(commits).toBe(0);
    expect(labels()).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it("flush() commits what waits before the connection closes", async () => {
    const written = grouped.write(insert("last"));
    grouped.flush();
    db.close();
    expect(await written).toBe(1);
    db = new Database(temp.file);
    expect(labels()).toEqual(["last"]);
  });
});
