import { containerEventTypeIds } from "../../contract/catalogue";
import type { EventScope } from "./event-store";
import type { ResolvedEventFilter } from "./resolve-event-filter";

export type SqlValue = string | number | null;

/**
 * One AND-ed term of a WHERE clause on `events e`. `role` tells the planner which terms an index range
 * can serve: `time` (timestamp ranges), `type` / `status` (one value, the prefix of the type/status
 * indexes), `container` (one container's events) or `other`.
 */
export type Condition = {
  sql: string;
  params: SqlValue[];
  role: "time" | "type" | "status" | "container" | "other";
  /** The same term on `event_tallies e` (see migrations.ts), when it only reads columns the tallies keep. */
  tally?: string;
};

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Columns of `events` that `event_tallies` keeps under the same name. */
const tallied = new Set(["e.type_id", "e.source_id", "e.severity_id", "e.alert", "e.status"]);

function inList(column: string, values: readonly SqlValue[], role: Condition["role"] = "other"): Condition {
  const sql = `${column} IN (${placeholders(values)})`;
  return { sql, params: [...values], role, ...(tallied.has(column) ? { tally: sql } : {}) };
}

function ranges(ranges: readonly { from: number; until: number }[]): Condition {
  return {
    sql: `(${ranges.map(() => "e.timestamp BETWEEN ? AND ?").join(" OR ")})`,
    params: ranges.flatMap(({ from, until }) => [from, until]),
    role: "time",
  };
}

/** Every value is a bound parameter; the SQL text depends only on which fields are given and how many values. */
export function eventConditions(scope: EventScope, filter: ResolvedEventFilter): Condition[] {
  const conditions: Condition[] = [];
  if (scope.containerId !== undefined) {
    conditions.push({
      sql: "e.container_id = ?",
      params: [scope.containerId],
      role: "container",
    });
  }
  if (scope.containerType !== undefined) {
    conditions.push({
      sql: "e.type_id = ? AND e.container_id IS NOT NULL",
      params: [containerEventTypeIds[scope.containerType]],
      role: "type",
      tally: "e.type_id = ? AND e.in_container = 1",
    });
  }
  if (scope.failuresOnly) {
    conditions.push({
      sql: "e.status = ? AND e.container_id IS NOT NULL",
      params: ["FAILURE"],
      role: "status",
      tally: "e.status = ? AND e.in_container = 1",
    });
  }
  if (filter.range) conditions.push(ranges([filter.range]));
  if (filter.days) conditions.push(ranges(filter.days));
  if (filter.typeIds) {
    conditions.push(inList("e.type_id", filter.typeIds, filter.typeIds.length === 1 ? "type" : "other"));
  }
  if (filter.sourceIds) conditions.push(inList("e.source_id", filter.sourceIds));
  if (filter.severityIds) conditions.push(inList("e.severity_id", filter.severityIds));
  if (filter.alerts) conditions.push(inList("e.alert", filter.alerts));
  if (filter.statuses) {
    conditions.push(inList("e.status", filter.statuses, filter.statuses.length === 1 ? "status" : "other"));
  }
  if (filter.descriptions) {
    conditions.push({
      sql: `(${filter.descriptions.map(() => "instr(lower(e.description), lower(?)) > 0").join(" OR ")})`,
      params: filter.descriptions,
      role: "other",
    });
  }
  if (filter.userIds) conditions.push(inList("e.user_id", filter.userIds));
  if (filter.endpointRanks) conditions.push(inList("e.endpoint_rank", filter.endpointRanks));
  if (filter.tagsRanks) conditions.push(inList("e.tags_rank", filter.tagsRanks));
  if (filter.ipRanks) conditions.push(inList("e.ip_rank", filter.ipRanks));
  if (filter.imei) {
    conditions.push(inList("e.endpoint_rank", filter.imei.endpointRanks));
    conditions.push(inList("e.endpoint_id", filter.imei.endpointIds));
  }
  if (filter.iccidRanks) conditions.push(inList("e.iccid_rank", filter.iccidRanks));
  if (filter.imsiRanks) conditions.push(inList("e.imsi_rank", filter.imsiRanks));
  if (filter.containerIds) {
    conditions.push(inList("e.container_id", filter.containerIds, "container"));
  }
  return conditions;
}

/** At most this many trigrams of a value go into the full-text query: the rarest, see `descriptionMatch`. */
const trigramsPerValue = 3;

/**
 * The full-text query that finds candidate rows for the description filter: for each value, its rarest
 * trigrams AND-ed (`documents` tells how many events hold one; every extra trigram costs a walk of its
 * list and rarely removes a candidate), values OR-ed. The index keeps no positions, so it cannot match
 * phrases: candidates are re-checked by the instr() condition. Trigrams holding a NUL are left out, since
 * FTS5's query parser ends a string at one. Undefined when a value has no trigram left: the index cannot
 * help then.
 */
export function descriptionMatch(
  filter: ResolvedEventFilter,
  documents: (trigram: string) => number,
): string | undefined {
  const values = filter.descriptions;
  if (!values) return undefined;
  const groups: string[] = [];
  for (const value of values) {
    const chars = Array.from(value);
    const trigrams = new Set<string>();
    for (let i = 0; i + 3 <= chars.length; i++) {
      const trigram = chars.slice(i, i + 3).join("");
      if (!trigram.includes("\0")) trigrams.add(trigram);
    }
    if (trigrams.size === 0) return undefined;
    const rarest = [...trigrams]
      .map((trigram) => ({ trigram, documents: documents(trigram) }))
      .sort((a, b) => a.documents - b.documents)
      .slice(0, trigramsPerValue);
    groups.push(`(${rarest.map(({ trigram }) => `"${trigram.replace(/"/g, '""')}"`).join(" AND ")})`);
  }
  return groups.join(" OR ");
}
