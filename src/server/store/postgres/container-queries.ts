import type pg from "pg";
import type { ContainerSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { EventStore } from "../event-store";
import { toContainer, type ContainerRow } from "../container-row";
import { sqlParams } from "./sql-params";
import { containing, storable } from "./text-match";

export const containerColumns =
  "c.id, c.name, c.organisation_id, o.name AS organisation_name, c.created_at, c.expires_at, c.blocked::int AS blocked";
export const containerFrom = "containers c JOIN organisations o ON o.id = c.organisation_id";

/** The whitelist of container sort keys; names sort in byte order, as on SQLite. */
const sortColumns: Record<ContainerSortField, string> = {
  name: 'c.name COLLATE "C"',
  created_at: "c.created_at",
  expires_at: "c.expires_at",
};

/** Nulls last both ways; ties broken by container id, ascending. */
const orderBy = (sort: readonly SortTerm<ContainerSortField>[]) =>
  [
    ...sort.map(({ field, desc }) => `${sortColumns[field]} ${desc ? "DESC" : "ASC"} NULLS LAST`),
    'c.id COLLATE "C" ASC',
  ].join(", ");

export function containerQueries(pool: pg.Pool): Pick<EventStore, "findContainer" | "listContainers"> {
  return {
    async findContainer(orgIds, containerId) {
      if (orgIds.length === 0 || containerId.includes("\0")) return undefined;
      const found = await pool.query<ContainerRow>(
        `SELECT ${containerColumns} FROM ${containerFrom} WHERE c.id = $1 AND c.organisation_id = ANY($2::int[])`,
        [containerId, orgIds],
      );
      const row = found.rows[0];
      return row && toContainer(row);
    },

    async listContainers(orgIds, filter, sort, page) {
      if (orgIds.length === 0) return { rows: [], total: 0 };
      const p = sqlParams();
      const conditions = [`c.organisation_id = ANY(${p.bind(orgIds)}::int[])`];
      if (filter.name) {
        const names = storable(filter.name);
        conditions.push(
          names.length === 0
            ? "FALSE"
            : `ascii_lower(c.name) LIKE ANY(${p.bind(names.map(containing))}::text[])`,
        );
      }
      if (filter.blocked) conditions.push(`c.blocked = ANY(${p.bind(filter.blocked)}::boolean[])`);
      const where = conditions.join(" AND ");
      const counted = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${containerFrom} WHERE ${where}`,
        p.values,
      );
      const total = counted.rows[0]?.n ?? 0;
      const offset = (page.page - 1) * page.perPage;
      if (offset >= total) return { rows: [], total };
      const listed = await pool.query<ContainerRow>(
        `SELECT ${containerColumns} FROM ${containerFrom} WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ${p.bind(page.perPage)} OFFSET ${p.bind(offset)}`,
        p.values,
      );
      return { rows: listed.rows.map(toContainer), total };
    },
  };
}
