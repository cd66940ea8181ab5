import type pg from "pg";
import { nameTaken, type SavedViewStore } from "../saved-view-store";
import { savedViewSelect, toSavedView, type SavedViewRow } from "../saved-view-row";

/** PostgreSQL's code for a unique index violated. */
const uniqueViolation = "23505";

export function savedViewQueries(pool: pg.Pool): SavedViewStore {
  const find = async (id: string) => {
    const found = await pool.query<SavedViewRow>(`${savedViewSelect} WHERE v.id = $1`, [id]);
    const [row] = found.rows;
    return row && toSavedView(row);
  };
  return {
    async listSavedViews(ownerId, orgIds) {
      // Names ordered by bytes, as SQLite's BINARY collation orders them.
      const found = await pool.query<SavedViewRow>(
        `${savedViewSelect}
         WHERE v.owner_id = $1 OR (v.shared AND v.organisation_id = ANY($2::int[]))
         ORDER BY v.owner_id <> $1, v.name COLLATE "C", v.id`,
        [ownerId, orgIds],
      );
      return found.rows.map(toSavedView);
    },
    findSavedView: find,
    async createSavedView(view) {
      const inserted = await unlessNameTaken(() =>
        pool.query(
          `INSERT INTO saved_views (id, owner_id, organisation_id, name, path, query, shared, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
          [
            view.id,
            view.ownerId,
            view.organisationId,
            view.name,
            view.path,
            view.query,
            view.shared,
            view.nowMs,
          ],
        ),
      );
      if (inserted === nameTaken) return nameTaken;
      const created = await find(view.id);
      if (!created) throw new Error(`The saved view ${view.id} was not stored.`);
      return created;
    },
    async updateSavedView(id, { name, query, shared }, nowMs) {
      const updated = await unlessNameTaken(() =>
        pool.query(
          `UPDATE saved_views SET name = coalesce($1, name), query = coalesce($2, query),
             shared = coalesce($3, shared), updated_at = $4
           WHERE id = $5`,
          [name ?? null, query ?? null, shared ?? null, nowMs, id],
        ),
      );
      return updated === nameTaken ? nameTaken : find(id);
    },
    async deleteSavedView(id) {
      await pool.query("DELETE FROM saved_views WHERE id = $1", [id]);
    },
  };
}

async function unlessNameTaken<T>(run: () => Promise<T>): Promise<T | typeof nameTaken> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === uniqueViolation) return nameTaken;
    throw error;
  }
}
