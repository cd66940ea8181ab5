import type { Event } from "./event";

export const csvColumns = [
  "id",
  "timestamp",
  "event_type",
  "event_source",
  "event_severity",
  "alert",
  "status",
  "description",
  "organisation",
  "user",
  "endpoint",
  "tags",
  "ip_address",
  "imei",
  "iccid",
  "imsi",
  "container",
  "reason",
  "client_ip",
] as const;

export type CsvColumn = (typeof csvColumns)[number];

export type CsvValue = string | number | boolean | null | undefined;

/** Prepended by spreadsheet-friendly exports so Excel reads the file as UTF-8. */
export const csvByteOrderMark = "\uFEFF";

const formulaStart = /^[=+\-@\t\r\n]/;
const needsQuotes = /[",\r\n]/;

/** One RFC 4180 cell; text that a spreadsheet would run as a formula is prefixed with `'` (OWASP). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, terminated by CRLF as RFC 4180 asks. */
export function csvLine(values: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvCell(values[i]);
  }
  return `${line}\r\n`;
}

export const csvHeader = csvLine(csvColumns);

/** An event's cells in the order of `csvColumns`. */
export function eventCsvValues(event: Event): CsvValue[] {
  return [
    event.id,
    event.timestamp,
    event.event_type.description,
    event.event_source.description,
    event.event_severity.description,
    event.alert,
    event.status,
    event.description,
    event.organisation.name,
    event.user?.username,
    event.endpoint?.name,
    event.endpoint?.tags,
    event.endpoint?.ip_address,
    event.endpoint?.imei,
    event.sim?.iccid,
    event.imsi?.imsi,
    event.container?.id,
    event.reason,
    event.client_ip,
  ];
}

/** A file name for an export: `eventdesk-<org>-<view>[-<from>_<until>].csv`, safe on every file system. */
export function csvFileName(parts: readonly (string | number | undefined)[]): string {
  const slug = parts
    .filter((part) => part !== undefined && part !== "")
    .map((part) =>
      String(part)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .join("-");
  return `eventdesk-${slug}.csv`;
}
