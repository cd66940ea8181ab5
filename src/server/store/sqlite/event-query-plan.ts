import type { EventQuery, Plan } from "./compile-event-query";
import type { Condition } from "./event-conditions";
import { eventSortKeys } from "./event-sort-keys";

/** Above this many organisations a compound select gets unwieldy (SQLite allows 500 arms); sort instead. */
const maxArms = 100;

/** Matching rows per organisation id (organisations without any are absent). */
export type CountByOrg = (query: EventQuery) => ReadonlyMap<number, number>;

type Walk = {
  /** An index of migrations.ts, or "rowid" for the table itself in id order. */
  index: string;
  /** The conditions the index applies as a range; the others are checked row by row. */
  ranged: Condition[];
  /** The first sort key when it can be null: nulls come after every other row in both directions. */
  nullable: { column: string; tally: string | undefined } | undefined;
};

/** The walk a query would take, or undefined when only a filter plan makes sense. */
export function walkOf(query: EventQuery): Walk | undefined {
  const roles = new Set(query.conditions.map((condition) => condition.role));
  if (query.orgs.length > maxArms) return undefined;
  const first = query.sort.find((term) => term.field !== "organisation");
  const byRole = (...wanted: Condition["role"][]) =>
    query.conditions.filter((condition) => wanted.includes(condition.role));
  if (roles.has("container")) {
    // One container's events, newest or oldest first: its own index in timestamp order. Other orders sort
    // the container's few rows.
    const containers = byRole("container");
    const one = containers.length === 1 && containers[0]?.params.length === 1;
    if (!one || first?.field !== "timestamp") return undefined;
    return { index: "events_container_org_ts", ranged: byRole("container", "time"), nullable: undefined };
  }
  if (!first || first.field === "id") return { index: "rowid", ranged: [], nullable: undefined };
  if (first.field === "timestamp") {
    if (roles.has("type"))
      return { index: "events_org_type_ts", ranged: byRole("type", "time"), nullable: undefined };
    if (roles.has("status")) {
      return { index: "events_org_status_ts", ranged: byRole("status", "time"), nullable: undefined };
    }
    return { index: "events_org_ts", ranged: byRole("time"), nullable: undefined };
  }
  const key = eventSortKeys[first.field];
  if (!key.indexes) return undefined;
  return {
    index: first.desc ? key.indexes.desc : key.indexes.asc,
    ranged: [],
    nullable: key.nullable ? { column: key.column, tally: key.tally } : undefined,
  };
}

/**
 * Rows a walk reads in one organisation before it has `wanted` matches, if matches are spread evenly over
 * the index: `wanted × universe / matches`, capped at the whole range. Rows with a null key sit after all
 * the others, so the two parts are estimated apart (a filter that matches only null keys, such as
 * `type:6` sorted by endpoint, must first cross every row that has one).
 */
function walkCost(wanted: number, part: { matches: number; universe: number }[]): number {
  let cost = 0;
  let still = wanted;
  for (const { matches, universe } of part) {
    if (still <= 0) break;
    if (matches >= still) return cost + Math.min(universe, (still * universe) / matches);
    cost += universe;
    still -= matches;
  }
  return cost;
}

/**
 * Walk or filter, from counts (cached, and the list needs the totals anyway). A walk reads each
 * organisation's index range in order until the page is full; a filter plan reads every match through
 * the most selective index and sorts them, about twice the work per row. Organisations without a match
 * are left out either way: their arm would read its whole range to find nothing.
 */
export function choosePlan(
  query: EventQuery,
  wanted: number,
  countByOrg: CountByOrg,
): { plan: Plan; query: EventQuery } {
  const matches = countByOrg(query);
  const total = [...matches.values()].reduce((a, b) => a + b, 0);
  const narrowed = { ...query, orgs: query.orgs.filter((org) => (matches.get(org.id) ?? 0) > 0) };
  const walk = walkOf(narrowed);
  if (!walk) return { plan: { kind: "filter" }, query: narrowed };
  const universeQuery = { ...narrowed, conditions: walk.ranged, match: undefined };
  const universe = countByOrg(universeQuery);
  const notNull: Condition[] = walk.nullable
    ? [
        {
          sql: `${walk.nullable.column} IS NOT NULL`,
          params: [],
          role: "other",
          ...(walk.nullable.tally === undefined ? {} : { tally: `${walk.nullable.tally} = 1` }),
        },
      ]
    : [];
  const keyed = walk.nullable
    ? countByOrg({ ...narrowed, conditions: [...narrowed.conditions, ...notNull] })
    : matches;
  const keyedUniverse = walk.nullable
    ? countByOrg({ ...universeQuery, conditions: [...universeQuery.conditions, ...notNull] })
    : universe;
  let cost = 0;
  for (const { id } of narrowed.orgs) {
    const all = { matches: matches.get(id) ?? 0, universe: universe.get(id) ?? 0 };
    const withKey = { matches: keyed.get(id) ?? 0, universe: keyedUniverse.get(id) ?? 0 };
    const withoutKey = { matches: all.matches - withKey.matches, universe: all.universe - withKey.universe };
    cost += walkCost(Math.min(wanted, all.matches), [withKey, withoutKey]);
  }
  const plan: Plan = cost <= 2 * total ? { kind: "walk", index: walk.index } : { kind: "filter" };
  return { plan, query: narrowed };
}
