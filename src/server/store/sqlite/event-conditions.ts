import { containerEventTypeIds } from "../../../contract/catalogue";
import { eventFilterRegistry } from "./event-filter-registry";
import type { EventScope } from "../event-store";
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
  /** A `time` term's ranges of timestamps (ms, both ends included), OR-ed. */
  ranges?: readonly TimeRange[];
};

export type TimeRange = { from: number; until: number };

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
  for (const rule of Object.values(eventFilterRegistry)) conditions.push(...rule.conditions(filter));
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
