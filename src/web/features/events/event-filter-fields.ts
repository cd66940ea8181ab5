import { eventSeverities, eventSources } from "../../../contract/catalogue";
import type { EventTypesResponse } from "../../../contract/event";
import type { FilterFieldConfig, FilterOption } from "../../ui/filter-field-config";

const options = (items: readonly { id: number; description: string }[]): FilterOption[] =>
  items.map(({ id, description }) => ({ value: String(id), label: description }));

const text = (placeholder: string, numeric = false) => ({ kind: "text" as const, placeholder, numeric });

/** The event `q` fields the filter bar offers, with pickers fed by /event_types once it has loaded. */
export function eventFilterFieldConfigs(types: EventTypesResponse | undefined): FilterFieldConfig[] {
  return [
    { field: "type", label: "Type", editor: { kind: "select", options: options(types?.event_types ?? []) } },
    {
      field: "severity",
      label: "Severity",
      editor: { kind: "select", options: options(types?.severities ?? eventSeverities) },
    },
    {
      field: "source",
      label: "Source",
      editor: { kind: "select", options: options(types?.sources ?? eventSources) },
    },
    {
      field: "status",
      label: "Status",
      editor: {
        kind: "select",
        options: [
          { value: "FAILURE", label: "Failure" },
          { value: "SUCCESS", label: "Success" },
        ],
      },
    },
    {
      field: "alert",
      label: "Alert",
      editor: { kind: "toggle", trueLabel: "Alert raised", falseLabel: "No alert" },
    },
    { field: "description", label: "Description", editor: text("contains…") },
    { field: "user", label: "User", editor: text("name or username contains…") },
    { field: "container", label: "Container", editor: text("container id, e.g. c-0001") },
    { field: "reason", label: "Failure reason", editor: text("exact code, e.g. wrong_password") },
    { field: "client_ip", label: "Client IP", editor: text("exact IPv4 or IPv6 address") },
    { field: "endpoint", label: "Endpoint", editor: text("name contains…") },
    { field: "organisation", label: "Organisation", editor: text("name contains…") },
    { field: "tags", label: "Tags", editor: text("contains…") },
    { field: "ip_address", label: "IP address", editor: text("exact IPv4 or IPv6 address") },
    { field: "imei", label: "IMEI", editor: text("digits, exact", true) },
    { field: "iccid", label: "ICCID", editor: text("digits, exact", true) },
    { field: "imsi", label: "IMSI", editor: text("digits, exact", true) },
    { field: "timestamp", label: "Day (UTC)", editor: { kind: "date" } },
  ];
}
