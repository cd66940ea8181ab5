import type { Container } from "../../contract/container";
import { isoTimestamp } from "./iso-timestamp";

/** A container as both backends select it (`containerColumns`, `blocked` as 0 or 1). */
export type ContainerRow = {
  id: string;
  name: string;
  organisation_id: number;
  organisation_name: string;
  created_at: number;
  expires_at: number | null;
  blocked: number;
};

export function toContainer(row: ContainerRow): Container {
  return {
    id: row.id,
    name: row.name,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    created_at: isoTimestamp(row.created_at),
    expires_at: row.expires_at === null ? null : isoTimestamp(row.expires_at),
    blocked: row.blocked === 1,
  };
}
