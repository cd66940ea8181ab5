import type { Container } from "../../contract/container";
import type { Event } from "../../contract/event";
import { eventFilterFields, type EventFilter } from "../../contract/filter-fields";
import { parseFilter } from "../../contract/parse-filter";
import { eventSortFields, type EventSortField } from "../../contract/sort-fields";
import { parseSort, type SortTerm } from "../../contract/sort-grammar";
import type { EventScope } from "../store/event-store";

/**
 * The contract's list semantics written out plainly from CONTRACT.md, not from the server: the one oracle that
 * the store's tests (a parsed filter and a scope) and the HTTP tests (`q` and `sort` as sent) compare answers
 * against, computed from rows they already hold.
 */

const includes = (haystack: string | undefined, needle: string) =>
  haystack !== undefined && haystack.toLowerCase().includes(needle.toLowerCase());

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
  description: (e, v) => includes(e.description, v),
  organisation: (e, v) => includes(e.organisation.name, v),
  user: (e, v) => includes(e.user?.name, v) || includes(e.user?.username, v),
  endpoint: (e, v) => includes(e.endpoint?.name, v),
  tags: (e, v) => includes(e.endpoint?.tags, v),
  // "Exact" means the same address, not a substring; IPv6's hex digits name it in either case (RFC 4291).
  ip_address: (e, v) => e.endpoint?.ip_address.toLowerCase() === v.toLowerCase(),
  imei: (e, v) => e.endpoint?.imei === v,
  iccid: (e, v) => e.sim?.iccid === v,
  imsi: (e, v) => e.imsi?.imsi === v,
  container: (e, v) => e.container?.id === v,
  reason: (e, v) => e.reason === v,
  client_ip: (e, v) => e.client_ip?.toLowerCase() === v.toLowerCase(),
};

/** Whether an event belongs to a list's scope: its organisations, and a container, type or failures view. */
function inScope(event: Event, scope: EventScope): boolean {
  const { orgIds, containerId, containerType, failuresOnly } = scope;
  if (!orgIds.includes(event.organisation.id)) return false;
  if (containerId !== undefined && event.container?.id !== containerId) return false;
  const typeId = containerType === undefined ? undefined : containerTypeIds[containerType];
  if (typeId !== undefined && (event.container === null || event.event_type.id !== typeId)) return false;
  return !failuresOnly || (event.container !== null && event.status === "FAILURE");
}

/** Whether an event satisfies a filter: OR within a field, AND across fields, from/until inclusive. */
function filterMatches(event: Event, filter: EventFilter): boolean {
  return Object.entries(filter).every(([field, values]) =>
    (values as unknown[]).some((value) =>
      (matchers[field as keyof EventFilter] as (e: Event, v: unknown) => boolean)(event, value),
    ),
  );
}

/** The filter a (valid) `q` stands for; absent, the empty filter. */
function filterOf(q: string | undefined): EventFilter {
  if (q === undefined) return {};
  const parsed = parseFilter(q, eventFilterFields);
  if (!parsed.ok) throw new Error(`model given a bad q: ${q}`);
  return parsed.value;
}

/** Whether an event satisfies a (valid) `q`. */
export function eventMatches(event: Event, q: string): boolean {
  return filterMatches(event, filterOf(q));
}

type Key = number | string | null;

export function eventSortKey(event: Event, field: EventSortField): Key {
  switch (field) {
    case "id":
      return event.id;
    case "timestamp":
      return Date.parse(event.timestamp);
    case "source":
      return event.event_source.id;
    case "severity":
      return event.event_severity.id;
    case "type":
      return event.event_type.id;
    case "alert":
      return event.alert ? 1 : 0;
    case "organisation":
      return event.organisation.name;
    case "user":
      return event.user?.id ?? null;
    case "endpoint":
      return event.endpoint?.name ?? null;
    case "tags":
      return event.endpoint?.tags ?? null;
    case "ip_address":
      return event.endpoint?.ip_address ?? null;
    case "iccid":
      return event.sim?.iccid ?? null;
    case "imsi":
      return event.imsi?.imsi ?? null;
  }
}

/** Nulls last in both directions; otherwise ascending or descending. */
export function compareKeys(a: Key, b: Key, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -order : order;
}

/** The order the contract prescribes, with `id` as the final tie-breaker (descending unless named). */
function modelComparator(sort: readonly SortTerm<EventSortField>[]): (a: Event, b: Event) => number {
  const terms = sort.some((t) => t.field === "id") ? sort : [...sort, { field: "id" as const, desc: true }];
  return (a, b) => {
    for (const { field, desc } of terms) {
      const order = compareKeys(eventSortKey(a, field), eventSortKey(b, field), desc);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** The order of a (valid) `sort` as sent. */
export function eventComparator(sort: string): (a: Event, b: Event) => number {
  const parsed = parseSort(sort, eventSortFields);
  if (!parsed.ok) throw new Error(`model given a bad sort: ${sort}`);
  return modelComparator(parsed.value);
}

/** What a store's list must answer: the events in the scope matching the filter, in the sort's order. */
export function modelList(
  events: readonly Event[],
  scope: EventScope,
  filter: EventFilter,
  sort: readonly SortTerm<EventSortField>[],
): Event[] {
  return events.filter((e) => inScope(e, scope) && filterMatches(e, filter)).sort(modelComparator(sort));
}

/** What a list endpoint must answer for `q` (absent: every row) and `sort`, from the rows it can reach. */
export function expectedEvents(all: readonly Event[], q: string | undefined, sort: string): Event[] {
  const filter = filterOf(q);
  return all.filter((e) => filterMatches(e, filter)).sort(eventComparator(sort));
}

export function containerSortKey(container: Container, field: "name" | "created_at" | "expires_at"): Key {
  if (field === "name") return container.name;
  const value = container[field];
  return value === null ? null : Date.parse(value);
}
