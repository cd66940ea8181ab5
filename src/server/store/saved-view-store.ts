import type { SavedView } from "../../contract/saved-view";

/** A view as the route has checked it: `organisationId` is the organisation its path names. */
export type NewSavedViewRecord = {
  id: string;
  ownerId: number;
  organisationId: number;
  name: string;
  path: string;
  query: string;
  shared: boolean;
  nowMs: number;
};

export type SavedViewChanges = { name?: string; query?: string; shared?: boolean };

/** The owner already has a view of that name (a unique index of the database says so). */
export const nameTaken = "name_taken";

/** Named dashboard URLs (`saved_views`), answered in the contract's shape with their owner and organisation. */
export interface SavedViewStore {
  /** The owner's views, then the shared views of `orgIds` that are not the owner's; each part by name. */
  listSavedViews(ownerId: number, orgIds: readonly number[]): Promise<SavedView[]>;
  findSavedView(id: string): Promise<SavedView | undefined>;
  createSavedView(view: NewSavedViewRecord): Promise<SavedView | typeof nameTaken>;
  /** Undefined when the view is gone. */
  updateSavedView(
    id: string,
    changes: SavedViewChanges,
    nowMs: number,
  ): Promise<SavedView | typeof nameTaken | undefined>;
  deleteSavedView(id: string): Promise<void>;
}
