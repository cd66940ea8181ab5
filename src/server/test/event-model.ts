import type { Container } from "../../contract/container";
import type { Event } from "../../contract/event";
import { parseQuery } from "../../contract/query-grammar";
import type { EventSortField } from "../../contract/sort-fields";
import { parseSort } from "../../contract/sort-grammar";
import { eventSortFields } from "../../contract/sort-fields";

/**
 * The contract's list semantics written out plainly, so tests can compute what the server must answer from
 * rows they already read. Written from CONTRACT.md, not from the server.
 */

const dayMs = 24 * 60 * 60 * 1000;

const includes = (haystack: string | undefined, needle: string) =>
  haystack !== undefined && haystack.toLowerCase().includes(needle.toLowerCase());

function dayRange(value: string): [number, number] {
  const instant = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  const start = instant - (instant % dayMs);
  return [start, start + dayMs - 1];
}

const termMatchers: Record<string, (event: Event, value: string) => boolean> = {
  timestamp: (e, v) => {
    const [from, until] = dayRange(v);
    const t = Date.parse(e.timestamp);
    return t >= from && t <= until;
  },
  type: (e, v) => e.event_type.id === Number(v),
  source: (e, v) => e.event_source.id === Number(v),
  severity: (e, v) => e.event_severity.id === Number(v),
  alert: (e, v) => String(e.alert) === v,
  status: (e, v) => e.status === v,
  description: (e, v) => includes(e.description, v),
  organisation: (e, v) => includes(e.organisation.name, v),
  user: (e, v) => includes(e.user?.name, v) || includes(e.user?.username, v),
  endpoint: (e, v) => includes(e.endpoint?.name, v),
  tags: (e, v) => includes(e.endpoint?.tags, v),
  ip_address: (e, v) => e.endpoint?.ip_address === v,
  imei: (e, v) => e.endpoint?.imei === v,
  iccid: (e, v) => e.sim?.iccid === v,
  imsi: (e, v) => e.imsi?.imsi === v,
  container: (e, v) => e.container?.id === v,
};

/** Whether an event satisfies a (valid) `q`: OR within a field, AND across fields, from/until inclusive. */
export function eventMatches(event: Event, q: string): boolean {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(`model given a bad q: ${q}`);
  const byField = new Map<string, string[]>();
  for (const { field, value } of parsed.value) byField.set(field, [...(byField.get(field) ?? []), value]);
  const t = Date.parse(event.timestamp);
  for (const [field, values] of byField) {
    if (field === "from") {
      if (values.some((v) => t < Date.parse(v))) return false;
    } else if (field === "until") {
      if (values.some((v) => t > Date.parse(v))) return false;
    } else {
      const matcher = termMatchers[field];
      if (!matcher) throw new Error(`model has no filter field ${field}`);
      if (!values.some((v) => matcher(event, v))) return false;
    }
  }
  return true;
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

/** The order the contract prescribes for `sort`, with `id` as the final tie-breaker (descending unless named). */
export function eventComparator(sort: string): (a: Event, b: Event) => number {
  const parsed = parseSort(sort, eventSortFields);
  if (!parsed.ok) throw new Error(`model given a bad sort: ${sort}`);
  const terms = parsed.value.some((t) => t.field === "id")
    ? parsed.value
    : [...parsed.value, { field: "id" as const, desc: true }];
  return (a, b) => {
    for (const { field, desc } of terms) {
      const order = compareKeys(eventSortKey(a, field), eventSortKey(b, field), desc);
      if (order !== 0) return order;
    }
    return 0;
  };
}

export function expectedEvents(all: readonly Event[], q: string | undefined, sort: string): Event[] {
  return all.filter((e) => q === undefined || eventMatches(e, q)).sort(eventComparator(sort));
}

export function containerSortKey(container: Container, field: "name" | "created_at" | "expires_at"): Key {
  if (field === "name") return container.name;
  const value = container[field];
  return value === null ? null : Date.parse(value);
}
