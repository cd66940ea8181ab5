import type { Event } from "../../contract/event";
import type { FacetField } from "../../contract/facets";

/** Each stored facet field's value and label on one event, as the contract counts them; null when it has none. */
export const facetReaders: Record<FacetField, (e: Event) => [string, string] | null> = {
  type: (e) => [String(e.event_type.id), e.event_type.description],
  source: (e) => [String(e.event_source.id), e.event_source.description],
  severity: (e) => [String(e.event_severity.id), e.event_severity.description],
  status: (e) => (e.status === null ? null : [e.status, e.status]),
  alert: (e) => (e.alert ? ["true", "Alert"] : ["false", "No alert"]),
  organisation: (e) => [String(e.organisation.id), e.organisation.name],
  user: (e) => (e.user ? [String(e.user.id), e.user.username] : null),
  endpoint: (e) => (e.endpoint ? [String(e.endpoint.id), e.endpoint.name] : null),
  container: (e) => (e.container ? [e.container.id, e.container.name] : null),
  ip_address: (e) => (e.endpoint ? [e.endpoint.ip_address, e.endpoint.ip_address] : null),
  reason: (e) => (e.reason === null ? null : [e.reason, e.reason]),
  client_ip: (e) => (e.client_ip === null ? null : [e.client_ip, e.client_ip]),
};

export type ModelGroup = { value: string | null; label: string | null; n: number };

/** The events grouped by one field: a group per value, null for those without one, in value order. */
export function facetGroupsOf(events: readonly Event[], field: FacetField): ModelGroup[] {
  const groups = new Map<string | null, ModelGroup>();
  for (const event of events) {
    const [value, label] = facetReaders[field](event) ?? [null, null];
    const group = groups.get(value) ?? { value, label, n: 0 };
    group.n++;
    groups.set(value, group);
  }
  return byValue([...groups.values()]);
}

/** Groups in a fixed order (null first, then by value), to compare answers given in no order. */
export function byValue<G extends { value: string | null }>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) =>
    a.value === b.value ? 0 : a.value === null ? -1 : b.value === null ? 1 : a.value < b.value ? -1 : 1,
  );
}
