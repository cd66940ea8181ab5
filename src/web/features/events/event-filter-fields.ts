import {
  containerEventTypeIds,
  containerEventTypes,
  eventSeverities,
  eventSources,
  type ContainerEventType,
} from "../../../contract/catalogue";
import type { EventTypesResponse } from "../../../contract/event";
import type { EventView } from "../../api/event-queries";
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

/** Fields of a device's endpoint, SIM and IMSI: container events never carry them. */
const deviceFields = new Set(["endpoint", "tags", "ip_address", "imei", "iccid", "imsi"]);
const viewTypes: Partial<Record<Exclude<EventView, object>, ContainerEventType>> = {
  by_access: "ACCESS",
  by_block: "BLOCK",
  by_create: "CREATE",
  by_expire: "EXPIRE",
};

/**
 * The fields and values worth offering on a view: a container view drops the device fields and the types
 * that are not its own, and the failures view the status it cannot hold (a filter there would match nothing).
 */
export function fieldsForView(fields: readonly FilterFieldConfig[], view: EventView): FilterFieldConfig[] {
  if (view === "events") return [...fields];
  const own = typeof view === "string" ? viewTypes[view] : undefined;
  const typeIds = (own ? [own] : containerEventTypes).map((type) => String(containerEventTypeIds[type]));
  return fields
    .filter((config) => !deviceFields.has(config.field))
    .map((config) => {
      if (config.editor.kind !== "select") return config;
      const keep = (option: FilterOption) =>
        config.field === "type"
          ? typeIds.includes(option.value)
          : config.field !== "status" || view !== "by_fail" || option.value === "FAILURE";
      return { ...config, editor: { ...config.editor, options: config.editor.options.filter(keep) } };
    });
}
