import type { FacetField } from "../../contract/facets";

/**
 * A per-value tally of a field null on most events (ADR 0011): the events counted per organisation, UTC day
 * and value of `column` (named as on `events`), by the same key columns as the store's day tallies, for the
 * rows that have a value. Its facet under tallied filters sums these rows; the null group is the tallies'
 * count less them.
 */
export type ValueTallyTable = {
  field: FacetField;
  column: string;
  type: "integer" | "text";
  table: string;
  trigger: string;
};

export const valueTallyTables: readonly ValueTallyTable[] = [
  {
    field: "user",
    column: "user_id",
    type: "integer",
    table: "event_user_tallies",
    trigger: "events_user_tally_insert",
  },
  {
    field: "container",
    column: "container_id",
    type: "text",
    table: "event_container_tallies",
    trigger: "events_container_tally_insert",
  },
  {
    field: "reason",
    column: "reason",
    type: "text",
    table: "event_reason_tallies",
    trigger: "events_reason_tally_insert",
  },
  {
    field: "client_ip",
    column: "client_ip",
    type: "text",
    table: "event_client_ip_tallies",
    trigger: "events_client_ip_tally_insert",
  },
];

export const valueTallyOf = (field: FacetField) =>
  valueTallyTables.find((tallies) => tallies.field === field);
