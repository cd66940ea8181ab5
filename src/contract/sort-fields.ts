export const eventSortFields = [
  "id",
  "timestamp",
  "source",
  "severity",
  "alert",
  "organisation",
  "user",
  "endpoint",
  "tags",
  "ip_address",
  "iccid",
  "imsi",
  "type",
] as const;
export type EventSortField = (typeof eventSortFields)[number];
export const defaultEventSort = "-timestamp";

export const containerSortFields = ["name", "created_at", "expires_at"] as const;
export type ContainerSortField = (typeof containerSortFields)[number];
export const defaultContainerSort = "name";
