import type { Event } from "../../../contract/event";
import type { FilterTerm } from "../../../contract/query-grammar";

/**
 * Every field of an event as the detail drawer lists it, grouped, each with the `q` term that filters by its value
 * when the API can filter on it. A null part (no user, no endpoint…) is listed as absent.
 */
export type DetailField = {
  label: string;
  value: string | null;
  /** Shown after the value, e.g. an id next to a name. */
  hint?: string;
  filter?: FilterTerm;
  kind?: "timestamp" | "container";
};

export type DetailGroup = { title: string; fields: DetailField[] };

const idHint = (id: number | string) => `id ${String(id)}`;

export function eventDetailGroups(event: Event): DetailGroup[] {
  const { user, endpoint, sim, imsi, container } = event;
  return [
    {
      title: "Event",
      fields: [
        { label: "ID", value: String(event.id) },
        { label: "Timestamp", value: event.timestamp, kind: "timestamp" },
        { label: "Description", value: event.description },
        {
          label: "Type",
          value: event.event_type.description,
          hint: idHint(event.event_type.id),
          filter: { field: "type", value: String(event.event_type.id) },
        },
        {
          label: "Source",
          value: event.event_source.description,
          hint: idHint(event.event_source.id),
          filter: { field: "source", value: String(event.event_source.id) },
        },
        {
          label: "Severity",
          value: event.event_severity.description,
          hint: idHint(event.event_severity.id),
          filter: { field: "severity", value: String(event.event_severity.id) },
        },
        {
          label: "Alert",
          value: event.alert ? "Yes" : "No",
          filter: { field: "alert", value: String(event.alert) },
        },
        {
          label: "Status",
          value: event.status,
          ...(event.status ? { filter: { field: "status", value: event.status } } : {}),
        },
        {
          label: "Organisation",
          value: event.organisation.name,
          hint: idHint(event.organisation.id),
          filter: { field: "organisation", value: event.organisation.name },
        },
      ],
    },
    {
      title: "User",
      fields: user
        ? [
            { label: "Name", value: user.name, hint: idHint(user.id) },
            { label: "Username", value: user.username, filter: { field: "user", value: user.username } },
          ]
        : [{ label: "User", value: null }],
    },
    {
      title: "Endpoint",
      fields: endpoint
        ? [
            {
              label: "Name",
              value: endpoint.name,
              hint: idHint(endpoint.id),
              filter: { field: "endpoint", value: endpoint.name },
            },
            { label: "Tags", value: endpoint.tags, ...termIf("tags", endpoint.tags) },
            { label: "IP address", value: endpoint.ip_address, ...termIf("ip_address", endpoint.ip_address) },
            { label: "IMEI", value: endpoint.imei, ...termIf("imei", endpoint.imei) },
          ]
        : [{ label: "Endpoint", value: null }],
    },
    {
      title: "SIM",
      fields: [
        sim
          ? { label: "ICCID", value: sim.iccid, hint: idHint(sim.id), ...termIf("iccid", sim.iccid) }
          : { label: "ICCID", value: null },
        imsi
          ? { label: "IMSI", value: imsi.imsi, hint: idHint(imsi.id), ...termIf("imsi", imsi.imsi) }
          : { label: "IMSI", value: null },
      ],
    },
    {
      title: "Container",
      fields: container
        ? [
            {
              label: "Container",
              value: container.name,
              hint: idHint(container.id),
              kind: "container",
              filter: { field: "container", value: container.id },
            },
            { label: "Reason", value: event.reason, ...termIf("reason", event.reason ?? "") },
            { label: "Client IP", value: event.client_ip, ...termIf("client_ip", event.client_ip ?? "") },
          ]
        : [{ label: "Container", value: null }],
    },
  ];
}

/** Empty strings cannot be a `q` value. */
function termIf(field: string, value: string): { filter?: FilterTerm } {
  return value === "" ? {} : { filter: { field, value } };
}
