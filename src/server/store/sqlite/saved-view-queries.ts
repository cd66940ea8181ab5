import Database from "better-sqlite3";
import type { SavedView } from "../../../contract/saved-view";
import { nameTaken, type NewSavedViewRecord, type SavedViewChanges } from "../saved-view-store";
import { savedViewSelect, toSavedView, type SavedViewRow } from "../saved-view-row";
import type { StatementCache } from "./statement-cache";

export type SavedViewQueries = {
  list: (ownerId: number, orgIds: readonly number[]) => SavedView[];
  find: (id: string) => SavedView | undefined;
  create: (view: NewSavedViewRecord) => SavedView | typeof nameTaken;
  update: (id: string, changes: SavedViewChanges, nowMs: number) => SavedView | typeof nameTaken | undefined;
  remove: (id: string) => void;
};

export function savedViewQueries(statement: StatementCache): SavedViewQueries {
  const find = (id: string) => {
    const row = statement(`${savedViewSelect} WHERE v.id = ?`).get(id) as SavedViewRow | undefined;
    return row && toSavedView(row);
  };
  return {
    list: (ownerId, orgIds) =>
      (
        statement(
          `${savedViewSelect}
           WHERE v.owner_id = ? OR (v.shared = 1 AND v.organisation_id IN (SELECT value FROM json_each(?)))
           ORDER BY v.owner_id <> ?, v.name, v.id`,
        ).all(ownerId, JSON.stringify(orgIds), ownerId) as SavedViewRow[]
      ).map(toSavedView),
    find,
    create(view) {
      const inserted = unlessNameTaken(() =>
        statement(
          `INSERT INTO saved_views (id, owner_id, organisation_id, name, path, query, shared, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          view.id,
          view.ownerId,
          view.organisationId,
          view.name,
          view.path,
          view.query,
          view.shared ? 1 : 0,
          view.nowMs,
          view.nowMs,
        ),
      );
      return inserted === nameTaken ? nameTaken : (find(view.id) as SavedView);
    },
    update(id, { name, query, shared }, nowMs) {
      const updated = unlessNameTaken(() =>
        statement(
          `UPDATE saved_views SET name = coalesce(?, name), query = coalesce(?, query),
             shared = coalesce(?, shared), updated_at = ?
           WHERE id = ?`,
        ).run(name ?? null, query ?? null, shared === undefined ? null : Number(shared), nowMs, id),
      );
      return updated === nameTaken ? nameTaken : find(id);
    },
    remove(id) {
      statement("DELETE FROM saved_views WHERE id = ?").run(id);
    },
  };
}

function unlessNameTaken<T>(run: () => T): T | typeof nameTaken {
  try {
    return run();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE") return nameTaken;
    throw error;
  }
}
