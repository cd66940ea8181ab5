import type { CsvColumn } from "../../../contract/csv";

/** Each event table column's column in the contract's CSV. */
const csvColumnOf: Record<string, CsvColumn> = {
  timestamp: "timestamp",
  type: "event_type",
  severity: "event_severity",
  source: "event_source",
  status: "status",
  description: "description",
  user: "user",
  endpoint: "endpoint",
  container: "container",
  reason: "reason",
  client_ip: "client_ip",
  id: "id",
  alert: "alert",
  organisation: "organisation",
  tags: "tags",
  ip_address: "ip_address",
  imei: "imei",
  iccid: "iccid",
  imsi: "imsi",
};

/** The CSV columns of the table columns `ids`, in their order (columns with no CSV column are left out). */
export function eventCsvColumns(ids: readonly string[]): CsvColumn[] {
  return ids.flatMap((id) => csvColumnOf[id] ?? []);
}
