import type { Event } from "../../contract/event";
import type { EventFilter } from "../../contract/filter-fields";
import type { EventSortField } from "../../contract/sort-fields";
import { formatSort, type SortTerm } from "../../contract/sort-grammar";
import { eventComparator } from "../test/event-model";
import type { EventScope } from "./event-store";

/** The contract's list semantics written plainly in JS, for tests to compare the SQL against. */

const contains = (text: string | undefined, needle: string) =>
  text !== undefined && text.toLowerCase().includes(needle.toLowerCase());

const containerTypeIds: Record<string, number> = { ACCESS: 100, BLOCK: 101, CREATE: 102, EXPIRE: 103 };

const matchers: {
  [K in keyof EventFilter]-?: (e: Event, v: NonNullable<EventFilter[K]>[number]) => boolean;
} = {
  from: (e, v) => Date.parse(e.timestamp) >= v,
  until: (e, v) => Date.parse(e.timestamp) <= v,
  timestamp: (e, v) => Date.parse(e.timestamp) >= v.from && Date.parse(e.timestamp) <= v.until,
  type: (e, v) => e.event_type.id === v,
  source: (e, v) => e.event_source.id === v,
  severity: (e, v) => e.event_severity.id === v,
  alert: (e, v) => e.alert === v,
  status: (e, v) => e.status === v,
  description: (e, v) => contains(e.description, v),
  organisation: (e, v) => contains(e.organisation.name, v),
  user: (e, v) => contains(e.user?.name, v) || contains(e.user?.username, v),
  endpoint: (e, v) => contains(e.endpoint?.name, v),
  tags: (e, v) => contains(e.endpoint?.tags, v),
  ip_address: (e, v) => e.endpoint?.ip_address.toLowerCase() === v.toLowerCase(),
  imei: (e, v) => e.endpoint?.imei === v,
  iccid: (e, v) => e.sim?.iccid === v,
  imsi: (e, v) => e.imsi?.imsi === v,
  container: (e, v) => e.container?.id === v,
};

export function modelMatches(event: Event, scope: EventScope, filter: EventFilter): boolean {
  if (!scope.orgIds.includes(event.organisation.id)) return false;
  if (scope.containerId !== undefined && event.container?.id !== scope.containerId) return false;
  if (
    scope.containerType &&
    (!event.container || event.event_type.id !== containerTypeIds[scope.containerType])
  ) {
    return false;
  }
  if (scope.failuresOnly && (!event.container || event.status !== "FAILURE")) return false;
  return Object.entries(filter).every(([field, values]) =>
    (values as unknown[]).some((value) =>
      (matchers[field as keyof EventFilter] as (e: Event, v: unknown) => boolean)(event, value),
    ),
  );
}

/** Nulls last both ways, `id` descending as the last tie-breaker unless named: the API suite's oracle. */
export function modelComparator(sort: readonly SortTerm<EventSortField>[]): (a: Event, b: Event) => number {
  return eventComparator(formatSort(sort) || "-id");
}

export function modelList(
  events: readonly Event[],
  scope: EventScope,
  filter: EventFilter,
  sort: readonly SortTerm<EventSortField>[],
): Event[] {
  return events.filter((e) => modelMatches(e, scope, filter)).sort(modelComparator(sort));
}
