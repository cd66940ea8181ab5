import { lookupJoins } from "../event-lookup-joins";

/** The columns of a listed event, read by `../event-list-row.ts`. */
export const listColumns = [
  "e.id AS id",
  "e.timestamp AS timestamp",
  "e.alert AS alert",
  "e.description AS description",
  "e.status AS status",
  "e.type_id AS type_id",
  "t.description AS type_description",
  "e.source_id AS source_id",
  "src.description AS source_description",
  "e.severity_id AS severity_id",
  "sev.description AS severity_description",
  "e.organisation_id AS organisation_id",
  "o.name AS organisation_name",
  "e.user_id AS user_id",
  "u.username AS user_username",
  "u.name AS user_name",
  "e.endpoint_id AS endpoint_id",
  "ep.name AS endpoint_name",
  "ep.tags AS endpoint_tags",
  "ep.ip_address AS endpoint_ip_address",
  "ep.imei AS endpoint_imei",
  "e.sim_id AS sim_id",
  "s.iccid AS sim_iccid",
  "e.imsi_id AS imsi_id",
  "i.imsi AS imsi_imsi",
  "e.container_id AS container_id",
  "c.name AS container_name",
  "e.reason AS reason",
  "e.client_ip AS client_ip",
].join(", ");

/**
 * The CSV cells in `csvColumns` order. The timestamp stays in epoch ms and is formatted by the same
 * function as the JSON list, so both always agree (measured on 750k rows: 0.56 s in JS against 0.46 s
 * with strftime(), which also mishandles times before 1970).
 */
export const exportColumns = [
  "e.id AS id",
  "e.timestamp AS x1",
  "t.description AS x2",
  "src.description AS x3",
  "sev.description AS x4",
  "CASE e.alert WHEN 1 THEN 'true' ELSE 'false' END AS x5",
  "e.status AS x6",
  "e.description AS x7",
  "o.name AS x8",
  "u.username AS x9",
  "ep.name AS x10",
  "ep.tags AS x11",
  "ep.ip_address AS x12",
  "ep.imei AS x13",
  "s.iccid AS x14",
  "i.imsi AS x15",
  "e.container_id AS x16",
  "e.reason AS x17",
  "e.client_ip AS x18",
].join(", ");

export const exportColumnCount = 19;

export const eventJoins = {
  list: `${lookupJoins} LEFT JOIN containers c ON c.id = e.container_id`,
  export: lookupJoins,
} as const;
