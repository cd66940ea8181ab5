import type Database from "better-sqlite3";

/**
 * A token that moves whenever the store's data may have changed: `PRAGMA data_version` moves on other
 * connections' commits, and this connection counts its own (which do not move it).
 */
export type ChangeVersion = { current: () => string; written: () => void };

export function changeVersion(db: Database.Database): ChangeVersion {
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  let ownWrites = 0;
  return {
    current: () => `${String(dataVersion.get())}:${String(ownWrites)}`,
    written: () => {
      ownWrites++;
    },
  };
}
