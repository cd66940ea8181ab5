import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useLocation } from "react-router";
import type { Me } from "../../../contract/organisation";
import type { SavedView } from "../../../contract/saved-view";
import { savedViewQueries } from "../../api/saved-view-queries";
import { Skeleton } from "../../ui/states";
import { saveableLocation, viewHref } from "./saveable-location";
import { DeleteViewDialog, EditViewDialog, SaveViewDialog } from "./saved-view-dialogs";
import "./saved-views.css";

type OpenDialog = { kind: "save" } | { kind: "edit" | "delete"; view: SavedView } | undefined;

/**
 * The sidebar's saved views: the caller's own, then those others share with its reach, each a link to its
 * page and search (opening one is navigating); Save view keeps the current page, and the owner edits or
 * deletes a view of theirs.
 */
export function SavedViewsSection({ me, orgId }: { me: Me | undefined; orgId: number }) {
  const headingId = useId();
  const location = useLocation();
  const views = useQuery({ ...savedViewQueries.list(), throwOnError: false });
  const [dialog, setDialog] = useState<OpenDialog>();
  const close = () => {
    setDialog(undefined);
  };
  const current = saveableLocation(location.pathname, location.search);
  const currentHref = current && viewHref(current);
  const organisationName = me?.organisations.find((org) => org.id === orgId)?.name ?? "the organisation";
  const own = views.data?.filter((view) => view.owner.id === me?.user.id) ?? [];
  const others = views.data?.filter((view) => view.owner.id !== me?.user.id) ?? [];

  const item = (view: SavedView, mine: boolean) => (
    <li key={view.id} className="saved-view">
      <Link
        className="saved-view-link"
        to={viewHref(view)}
        aria-current={viewHref(view) === currentHref ? "page" : undefined}
      >
        {view.name}
      </Link>
      {mine ? (
        <span className="saved-view-controls">
          {view.shared ? <span className="badge badge-accent">Shared</span> : null}
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Edit ${view.name}`}
            onClick={() => {
              setDialog({ kind: "edit", view });
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Delete ${view.name}`}
            onClick={() => {
              setDialog({ kind: "delete", view });
            }}
          >
            Delete
          </button>
        </span>
      ) : (
        <span className="saved-view-owner">Shared by {view.owner.name}</span>
      )}
    </li>
  );

  return (
    <nav className="saved-views" aria-labelledby={headingId}>
      <div className="saved-views-header">
        <h2 id={headingId} className="saved-views-title">
          Saved views
        </h2>
        {current ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setDialog({ kind: "save" });
            }}
          >
            Save view
          </button>
        ) : null}
      </div>
      {views.data ? (
        views.data.length === 0 ? (
          <p className="saved-views-note">None yet: save a page with its filters to come back to it.</p>
        ) : (
          <>
            {own.length > 0 ? (
              <ul className="saved-view-list">{own.map((view) => item(view, true))}</ul>
            ) : null}
            {others.length > 0 ? (
              <>
                <h3 className="saved-views-group">Shared with you</h3>
                <ul className="saved-view-list">{others.map((view) => item(view, false))}</ul>
              </>
            ) : null}
          </>
        )
      ) : views.isError ? (
        <p className="saved-views-note">Saved views could not be loaded.</p>
      ) : (
        <Skeleton width="120px" />
      )}
      {dialog?.kind === "save" && current ? (
        <SaveViewDialog location={current} organisationName={organisationName} onClose={close} />
      ) : null}
      {dialog?.kind === "edit" ? <EditViewDialog view={dialog.view} onClose={close} /> : null}
      {dialog?.kind === "delete" ? <DeleteViewDialog view={dialog.view} onClose={close} /> : null}
    </nav>
  );
}
