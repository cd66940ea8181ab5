import type { Event } from "../../contract/event";
import { isoTimestamp } from "./iso-timestamp";

/** A row of a backend's list columns (SQLite's `listColumns`); the lookup columns are null exactly when their id is (foreign keys). */
export type EventListRow = {
  id: number;
  timestamp: number;
  alert: number;
  description: string;
  status: "SUCCESS" | "FAILURE" | null;
  type_id: number;
  type_description: string;
  source_id: number;
  source_description: string;
  severity_id: number;
  severity_description: string;
  organisation_id: number;
  organisation_name: string;
  user_id: number | null;
  user_username: string;
  user_name: string;
  endpoint_id: number | null;
  endpoint_name: string;
  endpoint_tags: string;
  endpoint_ip_address: string;
  endpoint_imei: string;
  sim_id: number | null;
  sim_iccid: string;
  imsi_id: number | null;
  imsi_imsi: string;
  container_id: string | null;
  container_name: string;
  reason: string | null;
  client_ip: string | null;
};

export function toEvent(row: EventListRow): Event {
  return {
    id: row.id,
    timestamp: isoTimestamp(row.timestamp),
    alert: row.alert === 1,
    description: row.description,
    status: row.status,
    event_type: { id: row.type_id, description: row.type_description },
    event_source: { id: row.source_id, description: row.source_description },
    event_severity: { id: row.severity_id, description: row.severity_description },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    user: row.user_id === null ? null : { id: row.user_id, username: row.user_username, name: row.user_name },
    endpoint:
      row.endpoint_id === null
        ? null
        : {
            id: row.endpoint_id,
            name: row.endpoint_name,
            tags: row.endpoint_tags,
            ip_address: row.endpoint_ip_address,
            imei: row.endpoint_imei,
          },
    sim: row.sim_id === null ? null : { id: row.sim_id, iccid: row.sim_iccid },
    imsi: row.imsi_id === null ? null : { id: row.imsi_id, imsi: row.imsi_imsi },
    container: row.container_id === null ? null : { id: row.container_id, name: row.container_name },
    reason: row.reason,
    client_ip: row.client_ip,
  };
}
