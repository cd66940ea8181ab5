import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SavedView } from "../../../contract/saved-view";
import { savedViewMutations } from "../../api/saved-view-queries";
import { Drawer } from "../../ui/drawer";
import { errorMessage } from "../../ui/states";
import { SavedViewForm } from "./saved-view-form";

/** Saves the current page (path and query as `saveableLocation` gives them) under a name. */
export function SaveViewDialog({
  location,
  organisationName,
  onClose,
}: {
  location: { path: string; query: string };
  organisationName: string;
  onClose: () => void;
}) {
  const create = useMutation(savedViewMutations.create(useQueryClient()));
  return (
    <Drawer open title="Save view" onClose={onClose}>
      <SavedViewForm
        initial={{ name: "", shared: false }}
        organisationName={organisationName}
        submitLabel="Save view"
        pending={create.isPending}
        error={create.error}
        onSubmit={(fields) => {
          create.mutate({ ...location, ...fields }, { onSuccess: onClose });
        }}
        onCancel={onClose}
      />
    </Drawer>
  );
}

/** Renames a view of the caller's, or shares or unshares it. */
export function EditViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const update = useMutation(savedViewMutations.update(useQueryClient()));
  return (
    <Drawer open title={`Edit “${view.name}”`} onClose={onClose}>
      <SavedViewForm
        initial={{ name: view.name, shared: view.shared }}
        organisationName={view.organisation.name}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onSubmit={(patch) => {
          update.mutate({ id: view.id, patch }, { onSuccess: onClose });
        }}
        onCancel={onClose}
      />
    </Drawer>
  );
}

/** Asks before deleting a view of the caller's: it goes for everyone it is shared with too. */
export function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const remove = useMutation(savedViewMutations.remove(useQueryClient()));
  return (
    <Drawer open title="Delete view" onClose={onClose}>
      <p>
        Delete “{view.name}”?
        {view.shared ? ` It is shared: it goes for everyone who can read ${view.organisation.name} too.` : ""}
      </p>
      {remove.error ? (
        <p className="field-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() => {
            remove.mutate(view.id, { onSuccess: onClose });
          }}
        >
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Drawer>
  );
}
