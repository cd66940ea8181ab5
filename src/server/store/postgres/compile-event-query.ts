import { createHash } from "node:crypto";
import type { HistogramBuckets } from "../event-store";
import type { FacetField } from "../../../contract/facets";
import {
  facetSql,
  sparseFacetFields,
  sparseFacetSql,
  sparseGroupsSql,
  talliedFacetFields,
} from "../facet-columns";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import { lookupJoins } from "../event-lookup-joins";
import { tallySpans } from "../tally-spans";
import type { TimeTallyTable } from "../tally-spans";
import { valueTallyOf, type ValueTallyTable } from "../value-tallies";
import { dayTallies, tallyTables } from "./event-tallies";
import type { Term, TimeRange } from "./event-terms";
import { sqlParams, type SqlParams } from "./sql-params";

export type EventQuery = {
  orgIds: readonly number[];
  terms: readonly Term[];
  sort: readonly SortTerm<EventSortField>[];
};

/** A page's rows: `limit` of them after skipping `offset`, counted from the list's end when `fromEnd`. */
export type PageWindow = { limit: number; offset: number; fromEnd: boolean };

export type CompiledSql = { name: string; text: string; values: unknown[] };

/**
 * Named by its text, so that a pooled connection prepares each shape of statement once, and after five runs
 * PostgreSQL may keep a generic plan for it (`plan_cache_mode` auto): planning a page over every partition's
 * indexes costs several times more than reading it.
 */
const compiled = (text: string, values: unknown[]): CompiledSql => ({
  name: `ed_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`,
  text,
  values,
});

/** The only place sort fields become SQL: a fixed whitelist, never text from a request. */
const sortColumns: Record<EventSortField, { column: string; nullable: boolean }> = {
  id: { column: "id", nullable: false },
  timestamp: { column: "timestamp", nullable: false },
  source: { column: "source_id", nullable: false },
  severity: { column: "severity_id", nullable: false },
  type: { column: "type_id", nullable: false },
  alert: { column: "alert", nullable: false },
  organisation: { column: "org_rank", nullable: false },
  user: { column: "user_id", nullable: true },
  endpoint: { column: "endpoint_rank", nullable: true },
  tags: { column: "tags_rank", nullable: true },
  ip_address: { column: "ip_rank", nullable: true },
  iccid: { column: "iccid_rank", nullable: true },
  imsi: { column: "imsi_rank", nullable: true },
};

/**
 * ORDER BY on `alias`'s columns: nulls last both ways, `id` descending as the last tie-breaker unless named.
 * `reversed` is the exact opposite order (nulls first), for reading a page from the end. Only nullable keys
 * name where nulls go, so the others match an index read in either direction (migrations.ts).
 */
export function orderBy(sort: readonly SortTerm<EventSortField>[], alias: string, reversed = false): string {
  const key = (column: string, desc: boolean, nullable: boolean) => {
    const down = desc !== reversed;
    return `${alias}.${column} ${down ? "DESC" : "ASC"}${nullable ? (reversed ? " NULLS FIRST" : " NULLS LAST") : ""}`;
  };
  const keys: string[] = [];
  for (const { field, desc } of sort) {
    const { column, nullable } = sortColumns[field];
    keys.push(key(column, desc, nullable));
    if (field === "id") return keys.join(", ");
  }
  return [...keys, key("id", true, false)].join(", ");
}

const rangesSql = (ranges: readonly TimeRange[], p: SqlParams) =>
  `(${ranges.map(({ from, until }) => `e.timestamp BETWEEN ${p.bind(from)} AND ${p.bind(until)}`).join(" OR ")})`;

/** `WHERE …` on `events e` for the query's organisations and terms. */
export function eventsWhere(query: EventQuery, p: SqlParams): string {
  const [only] = query.orgIds;
  const parts = [
    query.orgIds.length === 1 && only !== undefined
      ? `e.organisation_id = ${p.bind(only)}`
      : `e.organisation_id = ANY(${p.bind(query.orgIds)}::int[])`,
  ];
  for (const term of query.terms) {
    parts.push(term.kind === "time" ? rangesSql(term.ranges, p) : `(${term.events(p)})`);
  }
  return parts.join(" AND ");
}

/**
 * How many events match, per organisation (`organisation_id`, `n`; organisations without any may be left
 * out). When every term but one time term has a tally form, the range's whole UTC days are summed from
 * `event_tallies`, its partial first and last days' whole hours from `event_hour_tallies`, and only its
 * partial first and last hours are counted on the events, so the cost does not grow with the range;
 * otherwise the events are counted.
 */
export function compileEventCounts(query: EventQuery): CompiledSql {
  const p = sqlParams();
  const parts = tallyCountParts(query, p) ?? [eventsCountPart(query, p)];
  if (parts.length === 0) return compiled("SELECT 0 AS organisation_id, 0 AS n WHERE FALSE", p.values);
  return compiled(
    parts.length === 1
      ? (parts[0] ?? "")
      : `SELECT organisation_id, sum(n) AS n FROM (${parts.join(" UNION ALL ")}) x GROUP BY organisation_id`,
    p.values,
  );
}

const eventsCountPart = (query: EventQuery, p: SqlParams) =>
  `SELECT e.organisation_id, count(*) AS n FROM events e WHERE ${eventsWhere(query, p)} GROUP BY e.organisation_id`;

/** `event_tallies t`'s rows for the query's organisations and row terms; undefined when a term has no tally form. */
function talliesWhere(query: EventQuery, p: SqlParams): string | undefined {
  const rows = query.terms.filter((term) => term.kind === "row");
  if (rows.some((term) => !term.tally)) return undefined;
  return [
    `t.organisation_id = ANY(${p.bind(query.orgIds)}::int[])`,
    ...rows.map((term) => `(${term.tally?.(p) ?? "FALSE"})`),
  ].join(" AND ");
}

/**
 * The query's row terms and its one time term's ranges, when the tallies can answer it: every row term has
 * a tally form, and the ranges do not overlap (an event in two would be counted twice). `ranges` is
 * undefined when there is no time term.
 */
type TallyForm = { rows: Term[]; ranges: readonly TimeRange[] | undefined };

function tallyForm(query: EventQuery): TallyForm | undefined {
  const rows = query.terms.filter((term) => term.kind === "row");
  const times = query.terms.filter((term) => term.kind === "time");
  if (times.length > 1 || rows.some((term) => !term.tally)) return undefined;
  const ranges = times[0]?.ranges;
  if (ranges && !disjoint(ranges)) return undefined;
  return { rows, ranges };
}

/** `AND t.<unit> BETWEEN …`: the tally rows of the span's whole units. */
const unitsWithin = (tallies: TimeTallyTable, span: TimeRange, p: SqlParams) =>
  ` AND t.${tallies.column} BETWEEN ${p.bind(span.from / tallies.ms)} AND ${p.bind((span.until + 1) / tallies.ms - 1)}`;

/** The counts' parts, each per organisation, to be added up; undefined when the tallies cannot answer. */
function tallyCountParts(query: EventQuery, p: SqlParams): string[] | undefined {
  const form = tallyForm(query);
  if (!form) return undefined;
  const { rows, ranges } = form;
  const onTallies = (tallies: TimeTallyTable, units: string) =>
    `SELECT t.organisation_id, sum(t.n) AS n FROM ${tallies.table} t WHERE ${talliesWhere({ ...query, terms: rows }, p) ?? "FALSE"}${units} GROUP BY t.organisation_id`;
  if (!ranges) return [onTallies(dayTallies, "")];
  return ranges.flatMap(({ from, until }) =>
    tallySpans(from, until, tallyTables).map((span) =>
      span.grain
        ? onTallies(span.grain, unitsWithin(span.grain, span, p))
        : eventsCountPart({ ...query, terms: [...rows, { kind: "time", ranges: [span] }] }, p),
    ),
  );
}

/**
 * How many events match on each UTC day that has any (`day`: days since the epoch), oldest first, from the
 * tallies; undefined when a term has no tally form or is a time term.
 */
export function compileDayCounts(query: EventQuery): CompiledSql | undefined {
  if (query.terms.some((term) => term.kind === "time")) return undefined;
  const p = sqlParams();
  const where = talliesWhere(query, p);
  if (where === undefined) return undefined;
  return compiled(
    `SELECT t.day, sum(t.n) AS n FROM event_tallies t WHERE ${where} GROUP BY t.day HAVING sum(t.n) > 0 ORDER BY t.day`,
    p.values,
  );
}

function disjoint(ranges: readonly TimeRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  return sorted.every((range, i) => i === 0 || range.from > (sorted[i - 1]?.until ?? -Infinity));
}

/** The columns of `EventListRow` (../event-list-row.ts). */
const listColumns =
  "e.id, e.timestamp, e.alert::int AS alert, e.description, e.status, e.type_id, t.description AS type_description, " +
  "e.source_id, src.description AS source_description, e.severity_id, sev.description AS severity_description, " +
  "e.organisation_id, o.name AS organisation_name, e.user_id, u.username AS user_username, u.name AS user_name, " +
  "e.endpoint_id, ep.name AS endpoint_name, ep.tags AS endpoint_tags, ep.ip_address AS endpoint_ip_address, " +
  "ep.imei AS endpoint_imei, e.sim_id, s.iccid AS sim_iccid, e.imsi_id, i.imsi AS imsi_imsi, e.container_id, " +
  "c.name AS container_name, e.reason, e.client_ip";

/** The CSV cells in `csvColumns` order, the timestamp in epoch ms (written as in JSON by the caller). */
export const exportColumns =
  "e.id, e.timestamp, t.description, src.description, sev.description, " +
  "CASE WHEN e.alert THEN 'true' ELSE 'false' END, e.status, e.description, o.name, u.username, ep.name, " +
  "ep.tags, ep.ip_address, ep.imei, s.iccid, i.imsi, e.container_id, e.reason, e.client_ip";

/** An organisation with at most this many matches has them read all and sorted (see `compileEventPage`). */
const collectUpTo = 2000;

/**
 * One page: its rows' ids in order first, then the joins for just those rows. Each organisation's rows are read
 * apart, and the streams merged (an index on `(organisation_id, key)` gives one organisation's rows in key
 * order, not several's); organisations `counts` gives no match are left out. An organisation with many
 * matches is read in order from its index range up to the page's end; one with few, or with most of them
 * needed anyway, has them all read by whichever index finds them and sorted, as a walk in sort order would
 * pass over its other events to find them (the `OFFSET 0` keeps the planner from walking). `fromEnd` reads in
 * the reverse order, skipping `offset` rows from the end: the last pages of a long list skip few rows that way.
 */
export function compileEventPage(
  query: EventQuery,
  page: PageWindow,
  counts: ReadonlyMap<number, number>,
): CompiledSql {
  const p = sqlParams();
  const order = orderBy(query.sort, "e", page.fromEnd);
  // Within one organisation its rank is the same on every row: ordering by it would only hide the index.
  const armOrder = orderBy(
    query.sort.filter(({ field }) => field !== "organisation"),
    "e",
    page.fromEnd,
  );
  const needed = page.offset + page.limit;
  const arm = (orgId: number, count: number, limit: string, offset?: string) => {
    const where = eventsWhere({ ...query, orgIds: [orgId] }, p);
    const from =
      count <= collectUpTo || count <= 4 * needed
        ? `(SELECT e.* FROM events e WHERE ${where} OFFSET 0) e`
        : `events e WHERE ${where}`;
    return `SELECT e.* FROM ${from} ORDER BY ${armOrder} LIMIT ${limit}${offset ? ` OFFSET ${offset}` : ""}`;
  };
  const arms = query.orgIds.flatMap((id) => {
    const count = counts.get(id) ?? 0;
    return count > 0 ? [{ id, count }] : [];
  });
  const [only] = arms;
  const inner =
    arms.length === 1 && only !== undefined
      ? arm(only.id, only.count, p.bind(page.limit), p.bind(page.offset))
      : `SELECT e.* FROM (${arms.map(({ id, count }) => `(${arm(id, count, p.bind(Math.min(needed, count)))})`).join(" UNION ALL ")}) e ` +
        `ORDER BY ${order} LIMIT ${p.bind(page.limit)} OFFSET ${p.bind(page.offset)}`;
  return compiled(
    `SELECT ${listColumns} FROM (${inner}) e${lookupJoins} LEFT JOIN containers c ON c.id = e.container_id ` +
      `ORDER BY ${orderBy(query.sort, "e")}`,
    p.values,
  );
}

/**
 * One field's facet groups (`value`, `label`, `n` rows) over the matching events: summed from the tallies
 * when they keep the field and can count the query (as for `compileEventCounts`: under a time range, whole
 * days and hours from the tallies, partial hours grouped on the events), counted on `events` otherwise.
 */
export function compileEventFacet(query: EventQuery, field: FacetField): CompiledSql {
  const form = talliedFacetFields.has(field) ? tallyForm(query) : undefined;
  if (form) {
    const p = sqlParams();
    return compiled(facetSql(field, `(${talliedRows(query, form, p)})`, "TRUE", "sum(e.n)"), p.values);
  }
  const p = sqlParams();
  const valueTallies = valueTallyOf(field);
  const summed = valueTallies ? valueTalliedGroups(query, valueTallies, p) : undefined;
  // With other terms, the planner may walk the field's index and test them row by row: the old way is faster.
  const onlyTime = query.terms.every((term) => term.kind === "time");
  const sparse = sparseFacetFields.has(field);
  const tallied = sparse && (summed !== undefined || onlyTime) ? tallyCountParts(query, p) : undefined;
  if (tallied) {
    const counted =
      tallied.length === 0 ? "SELECT 0 AS organisation_id, 0 AS n WHERE FALSE" : tallied.join(" UNION ALL ");
    const grouped = summed ?? sparseGroupsSql(field, eventsWhere(query, p));
    return compiled(sparseFacetSql(field, grouped, counted), p.values);
  }
  return compiled(facetSql(field, "events", eventsWhere(query, p), "count(*)"), p.values);
}

/**
 * A sparse field's groups (its column and `n`) from its value tallies, when the tallies can count the query
 * (under one time range: its whole days from the value tallies, its partial first and last days grouped on
 * the events); undefined otherwise.
 */
function valueTalliedGroups(query: EventQuery, tallies: ValueTallyTable, p: SqlParams): string | undefined {
  const form = tallyForm(query);
  if (!form) return undefined;
  const { table, column } = tallies;
  const onTallies = (span?: TimeRange) =>
    `SELECT t.${column}, sum(t.n) AS n FROM ${table} t WHERE ${talliesWhere({ ...query, terms: form.rows }, p) ?? "FALSE"}` +
    `${span ? unitsWithin(dayTallies, span, p) : ""} GROUP BY 1`;
  const onEvents = (span: TimeRange) =>
    `SELECT e.${column}, count(*) AS n FROM events e ` +
    `WHERE ${eventsWhere({ ...query, terms: [...form.rows, { kind: "time", ranges: [span] }] }, p)} AND e.${column} IS NOT NULL GROUP BY 1`;
  if (!form.ranges) return onTallies();
  const parts = form.ranges.flatMap(({ from, until }) =>
    tallySpans(from, until, [dayTallies]).map((span) => (span.grain ? onTallies(span) : onEvents(span))),
  );
  if (parts.length === 0) return `SELECT ${column}, n FROM ${table} WHERE FALSE`;
  return `SELECT ${column}, sum(n) AS n FROM (${parts.join(" UNION ALL ")}) x GROUP BY 1`;
}

/** The columns a tallied facet groups by, and the count, as the tallies keep them. */
const talliedColumns = ["organisation_id", "type_id", "source_id", "severity_id", "alert", "status"];

/** Rows of `talliedColumns` and `n` that add up to the matching events' counts by those columns. */
function talliedRows(query: EventQuery, form: TallyForm, p: SqlParams): string {
  const onTallies = (tallies: TimeTallyTable, span?: TimeRange) =>
    `SELECT ${talliedColumns.map((column) => `t.${column}`).join(", ")}, t.n FROM ${tallies.table} t ` +
    `WHERE ${talliesWhere({ ...query, terms: form.rows }, p) ?? "FALSE"}${span ? unitsWithin(tallies, span, p) : ""}`;
  const onEvents = (span: TimeRange) =>
    `SELECT ${talliedColumns.map((column) => (column === "status" ? "coalesce(e.status, '') AS status" : `e.${column}`)).join(", ")}, ` +
    `count(*) AS n FROM events e WHERE ${eventsWhere({ ...query, terms: [...form.rows, { kind: "time", ranges: [span] }] }, p)} ` +
    `GROUP BY ${talliedColumns.map((_, i) => i + 1).join(", ")}`;
  if (!form.ranges) return onTallies(dayTallies);
  const parts = form.ranges.flatMap(({ from, until }) =>
    tallySpans(from, until, tallyTables).map((span) =>
      span.grain ? onTallies(span.grain, span) : onEvents(span),
    ),
  );
  return parts.length === 0 ? `${onTallies(dayTallies)} AND FALSE` : parts.join(" UNION ALL ");
}

/**
 * `bucket`, `n` rows: the matching events per bucket of `intervalMs` from `startMs` (see EventStore). When
 * the tallies can count the query (as for `compileEventCounts`) and the buckets are whole hours, whole
 * tally units (days when the buckets are whole days, else hours) are summed into their buckets and only
 * partial hours at a range's ends are counted on the events.
 */
export function compileEventHistogram(query: EventQuery, buckets: HistogramBuckets): CompiledSql {
  const p = sqlParams();
  const start = p.bind(buckets.startMs);
  const interval = p.bind(buckets.intervalMs);
  const onEvents = (eventsQuery: EventQuery) =>
    `SELECT (e.timestamp - ${start}::bigint) / ${interval}::bigint AS bucket, count(*) AS n FROM events e ` +
    `WHERE ${eventsWhere(eventsQuery, p)} GROUP BY 1`;
  const form = tallyForm(query);
  const grains = tallyTables.filter((tallies) => buckets.intervalMs % tallies.ms === 0);
  if (!form?.ranges || grains.length === 0) return compiled(onEvents(query), p.values);
  const { rows } = form;
  const onTallies = (tallies: TimeTallyTable, span: TimeRange) =>
    `SELECT (t.${tallies.column} * ${String(tallies.ms)} - ${start}::bigint) / ${interval}::bigint AS bucket, ` +
    `sum(t.n) AS n FROM ${tallies.table} t WHERE ${talliesWhere({ ...query, terms: rows }, p) ?? "FALSE"}` +
    `${unitsWithin(tallies, span, p)} GROUP BY 1`;
  const parts = form.ranges.flatMap(({ from, until }) =>
    tallySpans(from, until, grains).map((span) =>
      span.grain
        ? onTallies(span.grain, span)
        : onEvents({ ...query, terms: [...rows, { kind: "time", ranges: [span] }] }),
    ),
  );
  if (parts.length === 0) return compiled("SELECT 0 AS bucket, 0 AS n WHERE FALSE", []);
  return compiled(
    `SELECT bucket, sum(n) AS n FROM (${parts.join(" UNION ALL ")}) x GROUP BY bucket`,
    p.values,
  );
}

/** The event with this id when one of the organisations holds it, in the list's columns. */
export function compileEventById(orgIds: readonly number[], eventId: number): CompiledSql {
  return compiled(
    `SELECT ${listColumns} FROM events e${lookupJoins} LEFT JOIN containers c ON c.id = e.container_id ` +
      "WHERE e.id = $1 AND e.organisation_id = ANY($2::int[])",
    [eventId, orgIds],
  );
}

/** Every matching event in order, as export cells. */
export function compileEventExport(query: EventQuery): CompiledSql {
  const p = sqlParams();
  return compiled(
    `SELECT ${exportColumns} FROM events e${lookupJoins} WHERE ${eventsWhere(query, p)} ORDER BY ${orderBy(query.sort, "e")}`,
    p.values,
  );
}

/**
 * The matching events after `afterId` in id order, at most `limit`, in the list's columns: what a live stream
 * sends next. Ids commit in increasing order (insert-container-events.ts), so none below the last one read
 * can still appear.
 */
export function compileEventsAfter(query: EventQuery, afterId: number, limit: number): CompiledSql {
  const p = sqlParams();
  const inner = `SELECT e.* FROM events e WHERE e.id > ${p.bind(afterId)} AND ${eventsWhere(query, p)} ORDER BY e.id LIMIT ${p.bind(limit)}`;
  return compiled(
    `SELECT ${listColumns} FROM (${inner}) e${lookupJoins} LEFT JOIN containers c ON c.id = e.container_id ORDER BY e.id`,
    p.values,
  );
}
