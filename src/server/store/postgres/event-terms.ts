import { containerEventTypeIds } from "../../../contract/catalogue";
import type { EventFilter, EventFilterField } from "../../../contract/filter-fields";
import type { EventScope } from "../event-store";
import type { SqlParams } from "./sql-params";
import { asciiLower, containing, storable } from "./text-match";

export type TimeRange = { from: number; until: number };

/**
 * One AND-ed term of a WHERE clause: on `events e`, and on `event_tallies t` when it reads only columns the
 * tallies keep. A time term carries its ranges instead (ms, both ends included, OR-ed): the count decides
 * how to read them.
 */
export type Term =
  | { kind: "row"; events: (p: SqlParams) => string; tally?: (p: SqlParams) => string }
  | { kind: "time"; ranges: readonly TimeRange[] };

const row = (events: (p: SqlParams) => string, tally?: (p: SqlParams) => string): Term =>
  tally ? { kind: "row", events, tally } : { kind: "row", events };

/** A term on a column `events` and `event_tallies` share. */
const tallied = (column: string, values: readonly unknown[], type: string): Term =>
  row(
    (p) => `e.${column} = ANY(${p.bind(values)}::${type}[])`,
    (p) => `t.${column} = ANY(${p.bind(values)}::${type}[])`,
  );

/** `column` contains any of the values, ASCII case folded; FALSE when none can match. */
function anyContaining(column: string, values: readonly string[], p: SqlParams): string {
  const kept = storable(values);
  if (kept.length === 0) return "FALSE";
  return `ascii_lower(${column}) LIKE ANY(${p.bind(kept.map(containing))}::text[])`;
}

function anyEqualFolded(column: string, values: readonly string[], p: SqlParams): string {
  const kept = storable(values);
  if (kept.length === 0) return "FALSE";
  return `ascii_lower(${column}) = ANY(${p.bind(kept.map(asciiLower))}::text[])`;
}

/**
 * Events whose `rank` is the rank of a row of `table` that `where` picks, by its `tableRank` text only: rows
 * of the same text share a rank, so the rank decides alone, and the `(organisation_id, rank)` index answers
 * without reading the events.
 */
const rankedAs = (rank: string, table: string, tableRank: string, where: (p: SqlParams) => string): Term =>
  row((p) => `e.${rank} IN (SELECT ${tableRank} FROM ${table} WHERE ${where(p)})`);

type FieldTerms<Value> = (values: Value[], filter: EventFilter) => Term[];

/**
 * Every field of the contract's `q` grammar: a new field is one entry here, or a compile error. Names and
 * addresses match case-insensitively for ASCII, as on SQLite. Every value is a bound parameter.
 */
export const eventFilterTerms: {
  [F in EventFilterField]: FieldTerms<NonNullable<EventFilter[F]>[number]>;
} = {
  // The contract gives from and until together, or neither: `from` makes the pair's term.
  from: ([from], filter) => {
    const until = filter.until?.[0];
    return from !== undefined && until !== undefined ? [{ kind: "time", ranges: [{ from, until }] }] : [];
  },
  until: () => [],
  timestamp: (days) => [{ kind: "time", ranges: days }],
  type: (ids) => [tallied("type_id", ids, "int")],
  source: (ids) => [tallied("source_id", ids, "int")],
  severity: (ids) => [tallied("severity_id", ids, "int")],
  alert: (alerts) => [tallied("alert", alerts, "boolean")],
  status: (statuses) => [tallied("status", statuses, "text")],
  description: (values) => [row((p) => anyContaining("e.description", values, p))],
  organisation: (names) => [
    row(
      (p) => `e.organisation_id IN (SELECT id FROM organisations WHERE ${anyContaining("name", names, p)})`,
    ),
  ],
  user: (names) => [
    row(
      (p) =>
        `e.user_id IN (SELECT id FROM users WHERE ${anyContaining("name", names, p)} OR ${anyContaining("username", names, p)})`,
    ),
  ],
  endpoint: (names) => [
    rankedAs("endpoint_rank", "endpoints", "name_rank", (p) => anyContaining("name", names, p)),
  ],
  tags: (names) => [rankedAs("tags_rank", "endpoints", "tags_rank", (p) => anyContaining("tags", names, p))],
  ip_address: (addresses) => [
    rankedAs("ip_rank", "endpoints", "ip_rank", (p) => anyEqualFolded("ip_address", addresses, p)),
  ],
  // The endpoint's id decides; its name's rank, implied, is what an index serves.
  imei: (imeis) => [
    row((p) => {
      const picked = `imei = ANY(${p.bind(imeis)}::text[])`;
      return (
        `e.endpoint_id IN (SELECT id FROM endpoints WHERE ${picked}) AND ` +
        `e.endpoint_rank IN (SELECT name_rank FROM endpoints WHERE ${picked})`
      );
    }),
  ],
  iccid: (iccids) => [
    rankedAs("iccid_rank", "sims", "iccid_rank", (p) => `iccid = ANY(${p.bind(iccids)}::text[])`),
  ],
  imsi: (imsis) => [
    rankedAs("imsi_rank", "imsis", "imsi_rank", (p) => `imsi = ANY(${p.bind(imsis)}::text[])`),
  ],
  container: (ids) => {
    const kept = storable(ids);
    return [row((p) => (kept.length === 0 ? "FALSE" : `e.container_id = ANY(${p.bind(kept)}::text[])`))];
  },
  reason: (reasons) => [row((p) => `e.reason = ANY(${p.bind(reasons)}::text[])`)],
  // Stored with IPv6's hex digits in lower case (logged-event.ts), so the folded value is compared as is.
  client_ip: (addresses) => [
    row((p) => `e.client_ip = ANY(${p.bind(addresses.map((a) => a.toLowerCase()))}::text[])`),
  ],
};

/** The scope's terms (not its organisations) and the filter's, in registry order. */
export function eventTerms(scope: EventScope, filter: EventFilter): Term[] {
  const terms: Term[] = [];
  if (scope.containerId !== undefined) {
    const id = scope.containerId;
    terms.push(row((p) => (id.includes("\0") ? "FALSE" : `e.container_id = ${p.bind(id)}`)));
  }
  if (scope.containerType !== undefined) {
    const typeId = containerEventTypeIds[scope.containerType];
    terms.push(
      row(
        (p) => `e.type_id = ${p.bind(typeId)} AND e.container_id IS NOT NULL`,
        (p) => `t.type_id = ${p.bind(typeId)} AND t.in_container`,
      ),
    );
  }
  if (scope.failuresOnly) {
    terms.push(
      row(
        () => "e.status = 'FAILURE' AND e.container_id IS NOT NULL",
        () => "t.status = 'FAILURE' AND t.in_container",
      ),
    );
  }
  for (const field of Object.keys(eventFilterTerms) as EventFilterField[]) {
    const values = filter[field];
    if (values === undefined) continue;
    // A field given no value matches nothing.
    terms.push(
      ...(values.length === 0
        ? [
            row(
              () => "FALSE",
              () => "FALSE",
            ),
          ]
        : fieldTerms(field, values, filter)),
    );
  }
  return terms;
}

/** Generic so that the values and the registry entry are the same field's. */
function fieldTerms<F extends EventFilterField>(
  field: F,
  values: NonNullable<EventFilter[F]>,
  filter: EventFilter,
): Term[] {
  return eventFilterTerms[field](values, filter);
}
