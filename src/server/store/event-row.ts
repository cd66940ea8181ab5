import type { UserRecord } from "./account-store";

/** One event as the demo generator and bulk loader see it: ids, not joined names. */
export type EventRow = {
  timestampMs: number;
  typeId: number;
  sourceId: number;
  severityId: number;
  alert: boolean;
  status: "SUCCESS" | "FAILURE" | null;
  description: string;
  organisationId: number;
  userId: number | null;
  endpointId: number | null;
  simId: number | null;
  imsiId: number | null;
  containerId: string | null;
  /** A failed container event's reason code and client address; null otherwise. */
  reason: string | null;
  clientIp: string | null;
};

export type DemoWorld = {
  organisations: { id: number; name: string; parentId: number | null }[];
  users: UserRecord[];
  eventTypes: { id: number; description: string }[];
  endpoints: {
    id: number;
    organisationId: number;
    name: string;
    tags: string;
    ipAddress: string;
    imei: string;
  }[];
  sims: { id: number; organisationId: number; iccid: string }[];
  imsis: { id: number; organisationId: number; imsi: string }[];
  containers: {
    id: string;
    organisationId: number;
    name: string;
    createdAtMs: number;
    expiresAtMs: number | null;
    blocked: boolean;
  }[];
};
