import type { SavedView } from "../../contract/saved-view";
import { isoTimestamp } from "./iso-timestamp";

/** A row of `savedViewSelect` as both backends read it. */
export type SavedViewRow = {
  id: string;
  name: string;
  path: string;
  query: string;
  shared: boolean | number;
  created_at: number;
  updated_at: number;
  organisation_id: number;
  organisation_name: string;
  owner_id: number;
  owner_username: string;
  owner_name: string;
};

/** A view with its organisation and owner; each backend adds its WHERE and ORDER BY. */
export const savedViewSelect = `
  SELECT v.id, v.name, v.path, v.query, v.shared, v.created_at, v.updated_at,
    o.id AS organisation_id, o.name AS organisation_name,
    u.id AS owner_id, u.username AS owner_username, u.name AS owner_name
  FROM saved_views v
  JOIN organisations o ON o.id = v.organisation_id
  JOIN users u ON u.id = v.owner_id`;

export function toSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    query: row.query,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    shared: Boolean(row.shared),
    owner: { id: row.owner_id, username: row.owner_username, name: row.owner_name },
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
  };
}
