import type { Container } from "../../../contract/container";
import type { ContainerFilter } from "../../../contract/filter-fields";
import type { ContainerSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { SqlValue } from "./event-conditions";
import type { PageOf, PageRequest } from "../event-store";
import { toContainer, type ContainerRow } from "../container-row";
import type { StatementCache } from "./statement-cache";

const columns =
  "c.id AS id, c.name AS name, c.organisation_id AS organisation_id, o.name AS organisation_name, " +
  "c.created_at AS created_at, c.expires_at AS expires_at, c.blocked AS blocked";
const from = "containers c JOIN organisations o ON o.id = c.organisation_id";

/** The whitelist of container sort keys. */
const sortColumns: Record<ContainerSortField, { column: string; nullable: boolean }> = {
  name: { column: "c.name", nullable: false },
  created_at: { column: "c.created_at", nullable: false },
  expires_at: { column: "c.expires_at", nullable: true },
};

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Nulls last both ways; ties broken by container id, ascending. */
function orderBy(sort: readonly SortTerm<ContainerSortField>[]): string {
  const keys = sort.flatMap(({ field, desc }) => {
    const { column, nullable } = sortColumns[field];
    const direction = desc ? "DESC" : "ASC";
    return nullable && !desc ? [`${column} IS NULL`, `${column} ${direction}`] : [`${column} ${direction}`];
  });
  return [...keys, "c.id ASC"].join(", ");
}

export type ContainerQueries = {
  find: (orgIds: readonly number[], containerId: string) => Container | undefined;
  list: (
    orgIds: readonly number[],
    filter: ContainerFilter,
    sort: SortTerm<ContainerSortField>[],
    page: PageRequest,
  ) => PageOf<Container>;
};

export function containerQueries(statement: StatementCache): ContainerQueries {
  return {
    find(orgIds, containerId) {
      if (orgIds.length === 0) return undefined;
      const row = statement(
        `SELECT ${columns} FROM ${from} WHERE c.id = ? AND c.organisation_id IN (${placeholders(orgIds)})`,
      ).get(containerId, ...orgIds) as ContainerRow | undefined;
      return row && toContainer(row);
    },

    list(orgIds, filter, sort, page) {
      if (orgIds.length === 0) return { rows: [], total: 0 };
      const conditions = [`c.organisation_id IN (${placeholders(orgIds)})`];
      const params: SqlValue[] = [...orgIds];
      if (filter.name) {
        conditions.push(`(${filter.name.map(() => "instr(lower(c.name), lower(?)) > 0").join(" OR ")})`);
        params.push(...filter.name);
      }
      if (filter.blocked) {
        conditions.push(`c.blocked IN (${placeholders(filter.blocked)})`);
        params.push(...filter.blocked.map(Number));
      }
      const where = conditions.join(" AND ");
      const total = statement(`SELECT count(*) FROM ${from} WHERE ${where}`)
        .pluck()
        .get(...params) as number;
      const offset = (page.page - 1) * page.perPage;
      if (offset >= total) return { rows: [], total };
      const rows = statement(
        `SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`,
      ).all(...params, page.perPage, offset) as ContainerRow[];
      return { rows: rows.map(toContainer), total };
    },
  };
}
