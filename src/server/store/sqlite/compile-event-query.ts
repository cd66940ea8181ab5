import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { HistogramBuckets } from "../event-store";
import type { FacetField } from "../../../contract/facets";
import {
  facetSql,
  sparseFacetFields,
  sparseFacetSql,
  sparseGroupsSql,
  talliedFacetFields,
} from "../facet-columns";
import type { Condition, SqlValue, TimeRange } from "./event-conditions";
import { tallySpans, type TimeTallyTable } from "../tally-spans";
import { valueTallyOf, type ValueTallyTable } from "../value-tallies";
import { dayTallies, timeTallyTables } from "./event-tallies";
import { eventJoins, listColumns } from "./event-projection";
import { orderKeys, type OrderKey } from "./event-sort-keys";

/** What an event query reads: organisations (each with its name rank), row conditions and the order. */
export type EventQuery = {
  orgs: readonly { id: number; rank: number }[];
  conditions: readonly Condition[];
  /** FTS5 query for description candidates, used when the plan reads by filter. */
  match: string | undefined;
  sort: readonly SortTerm<EventSortField>[];
};

/**
 * How rows are found. `walk`: per organisation, read the index that is already in the requested order
 * (`index`, an index of migrations.ts, or "rowid" for the table itself in id order) and stop after the page; the per-organisation streams are
 * merged by SQLite's compound-select merge. `filter`: find the matching rows through the most selective
 * index (SQLite chooses), then sort them.
 */
export type Plan = { kind: "walk"; index: string } | { kind: "filter" };

export type CompiledSql = { sql: string; params: SqlValue[] };

const dir = (desc: boolean) => (desc ? "DESC" : "ASC");

function where(conditions: readonly Condition[]): { sql: string; params: SqlValue[] } {
  return {
    sql: conditions.map((condition) => ` AND ${condition.sql}`).join(""),
    params: conditions.flatMap((condition) => condition.params),
  };
}

function orgIn(query: EventQuery): string {
  return `e.organisation_id IN (${query.orgs.map(() => "?").join(", ")})`;
}

function matchCondition(query: EventQuery): Condition[] {
  return query.match === undefined
    ? []
    : [
        {
          sql: "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
          params: [query.match],
          role: "other",
        },
      ];
}

/**
 * Matching rows per organisation: `[organisation_id, count]` rows. Summed from `event_tallies` when every
 * condition has a tally form (a few hundred rows, however many events), counted on `events` otherwise.
 */
export function compileEventCount(query: EventQuery): CompiledSql {
  const tallied = compileTallyCount(query);
  if (tallied) return tallied;
  const rest = where([...query.conditions, ...matchCondition(query)]);
  return {
    sql: `SELECT e.organisation_id, count(*) FROM events e WHERE ${orgIn(query)}${rest.sql} GROUP BY e.organisation_id`,
    params: [...query.orgs.map((org) => org.id), ...rest.params],
  };
}

/**
 * No condition but time ranges. With others, SQLite may walk a sparse field's index and test them row by
 * row, slower than counting the matching events.
 */
const onlyTime = (query: EventQuery) => query.conditions.every((condition) => condition.role === "time");

/** `compileEventCount` when the tallies can answer it, else undefined. */
function compileTallyCount(query: EventQuery): CompiledSql | undefined {
  if (query.match !== undefined) return undefined;
  const byDay = compileDayTallyCount(query);
  if (byDay) return byDay;
  const tallies = tallyConditions(query.conditions);
  if (!tallies) return undefined;
  const rest = where(tallies);
  return {
    sql: `SELECT e.organisation_id, sum(e.n) FROM event_tallies e WHERE ${orgIn(query)}${rest.sql} GROUP BY e.organisation_id`,
    params: [...query.orgs.map((org) => org.id), ...rest.params],
  };
}

/**
 * One field's facet groups (`value`, `label`, `n` rows) over the matching events: summed from the tallies
 * when they keep the field and every condition has a tally form (under one time range: whole days and hours
 * from the day and hour tallies, partial hours grouped on the events), counted on `events` otherwise.
 */
export function compileEventFacet(query: EventQuery, field: FacetField): CompiledSql {
  const orgIds = query.orgs.map((org) => org.id);
  const kept = talliedFacetFields.has(field) && query.match === undefined;
  const tallies = kept ? tallyConditions(query.conditions) : undefined;
  if (tallies) {
    const rest = where(tallies);
    return {
      sql: facetSql(field, "event_tallies", `${orgIn(query)}${rest.sql}`, "sum(e.n)"),
      params: [...orgIds, ...rest.params],
    };
  }
  const form = kept ? tallyForm(query) : undefined;
  if (form) {
    const rows = talliedRows(query, form);
    return { sql: facetSql(field, `(${rows.sql})`, "1", "sum(e.n)"), params: rows.params };
  }
  const valueTallies = query.match === undefined ? valueTallyOf(field) : undefined;
  const summed = valueTallies ? valueTalliedGroups(query, valueTallies) : undefined;
  const sparse = sparseFacetFields.has(field);
  const counted = sparse && (summed !== undefined || onlyTime(query)) ? compileTallyCount(query) : undefined;
  if (summed && counted) {
    return {
      sql: sparseFacetSql(field, summed.sql, counted.sql),
      params: [...counted.params, ...summed.params],
    };
  }
  const rest = where([...query.conditions, ...matchCondition(query)]);
  if (counted) {
    // Containers' events are read from their partial index, which leads with the container: the unary plus
    // keeps SQLite from walking every event of the organisations instead (600 ms against 20 at 1M).
    const orgs = field === "container" ? `+${orgIn(query)}` : orgIn(query);
    return {
      sql: sparseFacetSql(field, sparseGroupsSql(field, `${orgs}${rest.sql}`), counted.sql),
      params: [...counted.params, ...orgIds, ...rest.params],
    };
  }
  return {
    sql: facetSql(field, "events", `${orgIn(query)}${rest.sql}`, "count(*)"),
    params: [...orgIds, ...rest.params],
  };
}

/**
 * A sparse field's groups (its column and `n`) from its value tallies, when every condition has a tally form
 * (under one time range: its whole days from the tallies, its partial first and last days grouped on the
 * events); undefined otherwise.
 */
function valueTalliedGroups(query: EventQuery, tallies: ValueTallyTable): CompiledSql | undefined {
  const orgIds = query.orgs.map((org) => org.id);
  const column = `e.${tallies.column}`;
  const onTallies = (conditions: CompiledSql, days: number[]) => ({
    sql:
      `SELECT ${column}, sum(e.n) AS n FROM ${tallies.table} e WHERE ${orgIn(query)}` +
      `${days.length > 0 ? " AND e.day BETWEEN ? AND ?" : ""}${conditions.sql} GROUP BY 1`,
    params: [...orgIds, ...days, ...conditions.params],
  });
  const untimed = tallyConditions(query.conditions);
  if (untimed) return onTallies(where(untimed), []);
  const form = tallyForm(query);
  if (!form) return undefined;
  const parts = spanParts(form, [dayTallies], {
    events: (from, until) => ({
      // The plus keeps SQLite from reading the field's partial index for at most two partial days of events.
      sql: `SELECT ${column}, count(*) AS n FROM events e WHERE ${orgIn(query)} AND e.timestamp BETWEEN ? AND ?${form.onEvents.sql} AND +${column} IS NOT NULL GROUP BY 1`,
      params: [...orgIds, from, until, ...form.onEvents.params],
    }),
    tallies: (_, first, last) => onTallies(form.onTallies, [first, last]),
  });
  if (parts.length === 0)
    return { sql: `SELECT ${tallies.column}, n FROM ${tallies.table} WHERE 0`, params: [] };
  return {
    sql: `SELECT ${tallies.column}, sum(n) AS n FROM (${parts.map((part) => part.sql).join(" UNION ALL ")}) GROUP BY 1`,
    params: parts.flatMap((part) => part.params),
  };
}

/** The columns a tallied facet groups by, as the tallies keep them. */
const talliedColumns = ["organisation_id", "type_id", "source_id", "severity_id", "alert", "status"];

/** Rows of `talliedColumns` and `n` that add up to the matching events' counts by those columns. */
function talliedRows(query: EventQuery, form: TallyForm): CompiledSql {
  const orgIds = query.orgs.map((org) => org.id);
  const eventColumns = talliedColumns
    .map((column) => (column === "status" ? "coalesce(e.status, '') AS status" : `e.${column}`))
    .join(", ");
  const parts = spanParts(form, timeTallyTables, {
    events: (from, until) => ({
      sql:
        `SELECT ${eventColumns}, count(*) AS n FROM events e WHERE ${orgIn(query)} AND e.timestamp BETWEEN ? AND ?${form.onEvents.sql} ` +
        `GROUP BY ${talliedColumns.map((_, i) => i + 1).join(", ")}`,
      params: [...orgIds, from, until, ...form.onEvents.params],
    }),
    tallies: (tallies, first, last) => ({
      sql: `SELECT ${talliedColumns.map((column) => `e.${column}`).join(", ")}, e.n FROM ${tallies.table} e WHERE ${orgIn(query)} AND e.${tallies.column} BETWEEN ? AND ?${form.onTallies.sql}`,
      params: [...orgIds, first, last, ...form.onTallies.params],
    }),
  });
  if (parts.length === 0) {
    return { sql: `SELECT ${talliedColumns.join(", ")}, n FROM event_tallies WHERE 0`, params: [] };
  }
  return {
    sql: parts.map((part) => part.sql).join(" UNION ALL "),
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * `[bucket, count]` rows: the matching events per bucket of `intervalMs` from `startMs` (see EventStore).
 * When the tallies can count the query (as `compileEventCount` under a time range) and the buckets are
 * whole hours, whole tally units (days when the buckets are whole days, else hours) are summed into their
 * buckets and only partial hours at a range's ends are counted on the events.
 */
export function compileEventHistogram(query: EventQuery, buckets: HistogramBuckets): CompiledSql {
  const orgIds = query.orgs.map((org) => org.id);
  const bucketOf = (ms: string) => `CAST((${ms} - ?) / ? AS INTEGER)`;
  const form = query.match === undefined ? tallyForm(query) : undefined;
  const grains = timeTallyTables.filter((tallies) => buckets.intervalMs % tallies.ms === 0);
  if (!form || grains.length === 0) {
    const rest = where([...query.conditions, ...matchCondition(query)]);
    return {
      sql: `SELECT ${bucketOf("e.timestamp")} AS bucket, count(*) FROM events e WHERE ${orgIn(query)}${rest.sql} GROUP BY bucket`,
      params: [buckets.startMs, buckets.intervalMs, ...orgIds, ...rest.params],
    };
  }
  const parts = spanParts(form, grains, {
    events: (from, until) => ({
      sql: `SELECT ${bucketOf("e.timestamp")} AS b, count(*) AS n FROM events e WHERE ${orgIn(query)} AND e.timestamp BETWEEN ? AND ?${form.onEvents.sql} GROUP BY 1`,
      params: [buckets.startMs, buckets.intervalMs, ...orgIds, from, until, ...form.onEvents.params],
    }),
    tallies: (tallies, first, last) => ({
      sql: `SELECT ${bucketOf(`e.${tallies.column} * ${String(tallies.ms)}`)} AS b, sum(e.n) AS n FROM ${tallies.table} e WHERE ${orgIn(query)} AND e.${tallies.column} BETWEEN ? AND ?${form.onTallies.sql} GROUP BY 1`,
      params: [buckets.startMs, buckets.intervalMs, ...orgIds, first, last, ...form.onTallies.params],
    }),
  });
  if (parts.length === 0) return { sql: "SELECT 0, 0 WHERE 0", params: [] };
  return {
    sql: `SELECT b, sum(n) FROM (${parts.map((part) => part.sql).join(" UNION ALL ")}) GROUP BY b`,
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * Like `compileEventCount`, for the events after `afterId` only (a cached count brought up to date, see
 * `count-cache.ts`): read by rowid from there, so the cost is the rows written since. The description's
 * full-text candidates are left out; its instr() condition decides alone.
 */
export function compileEventCountAfter(query: EventQuery, afterId: number): CompiledSql {
  const rest = where(query.conditions);
  return {
    sql: `SELECT e.organisation_id, count(*) FROM events e NOT INDEXED WHERE e.id > ? AND ${orgIn(query)}${rest.sql} GROUP BY e.organisation_id`,
    params: [afterId, ...query.orgs.map((org) => org.id), ...rest.params],
  };
}

/**
 * A query under one time condition whose other conditions all have tally forms: those conditions on the
 * events and on the tallies, and the ranges. Undefined otherwise (overlapping ranges would be counted twice).
 */
type TallyForm = { ranges: readonly TimeRange[]; onEvents: CompiledSql; onTallies: CompiledSql };

function tallyForm(query: EventQuery): TallyForm | undefined {
  const time = query.conditions.filter((condition) => condition.role === "time");
  const others = query.conditions.filter((condition) => condition.role !== "time");
  const ranges = time.length === 1 ? time[0]?.ranges : undefined;
  const tallies = tallyConditions(others);
  if (!ranges || !tallies || !disjoint(ranges)) return undefined;
  return { ranges, onEvents: where(others), onTallies: where(tallies) };
}

/**
 * One statement per piece of the form's ranges (tally-spans.ts): `events` for a partial hour, `tallies`
 * for whole units (`first`…`last`, units since the epoch) of one tally table.
 */
function spanParts(
  form: TallyForm,
  grains: readonly TimeTallyTable[],
  read: {
    events: (from: number, until: number) => CompiledSql;
    tallies: (tallies: TimeTallyTable, first: number, last: number) => CompiledSql;
  },
): CompiledSql[] {
  return form.ranges.flatMap(({ from, until }) =>
    tallySpans(from, until, grains).map((span) =>
      span.grain
        ? read.tallies(span.grain, span.from / span.grain.ms, (span.until + 1) / span.grain.ms - 1)
        : read.events(span.from, span.until),
    ),
  );
}

/**
 * A count under one time condition whose other conditions all have tally forms: each range's whole UTC days
 * summed from `event_day_tallies`, the whole hours of its partial first and last days from
 * `event_hour_tallies`, and only its partial first and last hours counted on the events (through the same
 * indexes as any count), so the cost is that of two hours of events at most, however long the range.
 * Undefined when the count cannot be read that way.
 */
function compileDayTallyCount(query: EventQuery): CompiledSql | undefined {
  const form = tallyForm(query);
  if (!form) return undefined;
  const orgIds = query.orgs.map((org) => org.id);
  const parts = spanParts(form, timeTallyTables, {
    events: (from, until) => ({
      sql: `SELECT e.organisation_id AS o, count(*) AS n FROM events e WHERE ${orgIn(query)} AND e.timestamp BETWEEN ? AND ?${form.onEvents.sql} GROUP BY 1`,
      params: [...orgIds, from, until, ...form.onEvents.params],
    }),
    tallies: (tallies, first, last) => ({
      sql: `SELECT e.organisation_id AS o, sum(e.n) AS n FROM ${tallies.table} e WHERE ${orgIn(query)} AND e.${tallies.column} BETWEEN ? AND ?${form.onTallies.sql} GROUP BY 1`,
      params: [...orgIds, first, last, ...form.onTallies.params],
    }),
  });
  if (parts.length === 0) return { sql: "SELECT 0, 0 WHERE 0", params: [] };
  return {
    sql: `SELECT o, sum(n) FROM (${parts.map((part) => part.sql).join(" UNION ALL ")}) GROUP BY o`,
    params: parts.flatMap((part) => part.params),
  };
}

function disjoint(ranges: readonly TimeRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  return sorted.every((range, i) => i === 0 || range.from > (sorted[i - 1]?.until ?? -Infinity));
}

function tallyConditions(conditions: readonly Condition[]): Condition[] | undefined {
  const tallies: Condition[] = [];
  for (const condition of conditions) {
    if (condition.tally === undefined) return undefined;
    tallies.push({ ...condition, sql: condition.tally });
  }
  return tallies;
}

/**
 * A sort key of a select. `fixed`: the WHERE clause holds it to one value, so it is selected but left out
 * of the ORDER BY (SQLite sees that for a column, not for a key such as `user_id IS NULL`, and would sort
 * rows its index already gives in order).
 */
export type SelectKey = OrderKey & { fixed?: boolean };

/** Sort keys as result columns `k0, k1, …` (the id is always the `id` column), for compound ORDER BY. */
function keyColumns(keys: readonly SelectKey[]): { columns: string; order: string } {
  const columns: string[] = [];
  const order: string[] = [];
  keys.forEach((key, i) => {
    if (key.expr === "e.id") {
      if (!key.fixed) order.push(`id ${dir(key.desc)}`);
    } else {
      columns.push(`, ${key.expr} AS k${i}`);
      if (!key.fixed) order.push(`k${i} ${dir(key.desc)}`);
    }
  });
  return { columns: columns.join(""), order: order.join(", ") };
}

/** More conditions for the whole statement (`org` undefined: a filter plan) or for one organisation's arm. */
export type ExtraConditions = (org: EventQuery["orgs"][number] | undefined) => readonly Condition[];

/**
 * `SELECT <head>, <keys> … ORDER BY <keys>`: one arm per organisation in walk plans (merged, each arm
 * read in index order), one statement with `+`-wrapped keys in filter plans (the unary plus stops SQLite
 * from choosing the order-giving index over a selective one).
 */
export function orderedSelect(
  query: EventQuery,
  plan: Plan,
  head: string,
  joins: string,
  keys: readonly SelectKey[] = orderKeys(query.sort),
  extra: ExtraConditions = () => [],
): CompiledSql {
  if (plan.kind === "filter") {
    const rest = where([...query.conditions, ...matchCondition(query), ...extra(undefined)]);
    const order = keys
      .filter((key) => !key.fixed)
      .map((key) => `+${key.expr} ${dir(key.desc)}`)
      .join(", ");
    return {
      sql: `SELECT ${head}${keyColumns(keys).columns} FROM events e${joins} WHERE ${orgIn(query)}${rest.sql} ORDER BY ${order}`,
      params: [...query.orgs.map((org) => org.id), ...rest.params],
    };
  }
  const { columns, order } = keyColumns(keys);
  const byOrganisation = query.sort.some((term) => term.field === "organisation");
  const source = plan.index === "rowid" ? "NOT INDEXED" : `INDEXED BY ${plan.index}`;
  const arms: string[] = [];
  const params: SqlValue[] = [];
  for (const org of query.orgs) {
    const rest = where([...query.conditions, ...extra(org)]);
    // `org_rank = ?` is redundant with the organisation, but it tells SQLite the organisation sort key is
    // constant within the arm, so the arm needs no sorting.
    arms.push(
      `SELECT ${head}${columns} FROM events e ${source}${joins} WHERE e.organisation_id = ?${byOrganisation ? " AND e.org_rank = ?" : ""}${rest.sql}`,
    );
    params.push(org.id, ...(byOrganisation ? [org.rank] : []), ...rest.params);
  }
  return { sql: `${arms.join(" UNION ALL ")} ORDER BY ${order}`, params };
}

/**
 * One page: the ids in order first (index-only where possible), then the joins for just those rows.
 * `fromEnd` reads the ids in the opposite order (every key, the id included, flipped: the exact reverse,
 * nulls first), skipping `offset` rows from the end: the last pages of a long list skip few rows that way.
 */
export function compileEventPage(
  query: EventQuery,
  plan: Plan,
  page: { limit: number; offset: number; fromEnd: boolean },
): CompiledSql {
  const { limit, offset, fromEnd } = page;
  const keys = orderKeys(query.sort).map((key) => (fromEnd ? { ...key, desc: !key.desc } : key));
  const inner = orderedSelect(query, plan, "e.id AS id", "", keys);
  const outerOrder = orderKeys(query.sort)
    .map((key, i) => (key.expr === "e.id" ? `p.id ${dir(key.desc)}` : `p.k${i} ${dir(key.desc)}`))
    .join(", ");
  return {
    sql:
      `SELECT ${listColumns} FROM (${inner.sql} LIMIT ? OFFSET ?) AS p ` +
      `CROSS JOIN events e ON e.id = p.id${eventJoins.list} ORDER BY ${outerOrder}`,
    params: [...inner.params, limit, offset],
  };
}

/**
 * The matching events after `afterId` in id order, at most `limit`, in the list's columns: read by rowid from
 * there, so a live stream's read costs the rows written since. As in `compileEventCountAfter`, the
 * description's instr() condition decides alone.
 */
export function compileEventsAfter(query: EventQuery, afterId: number, limit: number): CompiledSql {
  const rest = where(query.conditions);
  return {
    sql:
      `SELECT ${listColumns} FROM (SELECT e.id FROM events e NOT INDEXED WHERE e.id > ? AND ${orgIn(query)}${rest.sql} ` +
      `ORDER BY e.id LIMIT ?) AS p CROSS JOIN events e ON e.id = p.id${eventJoins.list} ORDER BY e.id`,
    params: [afterId, ...query.orgs.map((org) => org.id), ...rest.params, limit],
  };
}
