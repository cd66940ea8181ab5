export const eventSources = [
  { id: 0, description: "Network" },
  { id: 1, description: "Policy Control" },
  { id: 2, description: "API" },
] as const;

export const eventSeverities = [
  { id: 0, description: "Info" },
  { id: 1, description: "Warn" },
  { id: 2, description: "Critical" },
] as const;

export const eventStatuses = ["SUCCESS", "FAILURE"] as const;

export const containerEventTypes = ["ACCESS", "BLOCK", "CREATE", "EXPIRE"] as const;
export type ContainerEventType = (typeof containerEventTypes)[number];

/** Ids of the container event types, after the platform's own ids (0–99). */
export const containerEventTypeIds: Record<ContainerEventType, number> = {
  ACCESS: 100,
  BLOCK: 101,
  CREATE: 102,
  EXPIRE: 103,
};

export const sourceIds = { network: 0, policyControl: 1, api: 2 } as const;
export const severityIds = { info: 0, warn: 1, critical: 2 } as const;
