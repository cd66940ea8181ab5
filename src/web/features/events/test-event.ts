import type { Event } from "../../../contract/event";

/** An event with every field set, for the drawer's tests. */
export const fullEvent: Event = {
  id: 7,
  timestamp: "2026-11-18T12:00:00Z",
  alert: true,
  description: "ACCESS FAILURE on container",
  status: "FAILURE",
  event_type: { id: 100, description: "ACCESS" },
  event_source: { id: 2, description: "API" },
  event_severity: { id: 1, description: "Warn" },
  organisation: { id: 2, name: "Acme Logistics" },
  user: { id: 3, username: "sam@acme.test", name: "Sam" },
  endpoint: { id: 9, name: "truck-1", tags: "", ip_address: "10.0.0.1", imei: "123" },
  sim: { id: 4, iccid: "8949" },
  imsi: { id: 5, imsi: "2620" },
  container: { id: "c-0001", name: "Plans.enc" },
  reason: "wrong_password",
  client_ip: "203.0.113.7",
};
