import { useId } from "react";
import { Skeleton } from "../ui/states";
import { useLocation, useNavigate } from "react-router";
import type { Me } from "../../contract/organisation";
import { orgTree } from "./org-tree";
import { paths } from "./paths";

const pageTypes = ["events", "containers", "failures"] as const;

/**
 * The same view in another organisation: the same page with its filters, order, page size, columns and tab,
 * from its first page and with no event open (ids belong to one organisation). A container's timeline becomes
 * that organisation's containers.
 */
export function samePageIn(pathname: string, search: string, orgId: number): string {
  const [, type, rest] = /^\/orgs\/[^/]+\/([^/]+)(\/.*)?/.exec(pathname) ?? [];
  const match = pageTypes.find((candidate) => candidate === type) ?? "events";
  if (rest !== undefined || match !== type) return paths[match](orgId);
  const params = new URLSearchParams(search);
  params.delete("page");
  params.delete("event");
  const query = params.toString();
  return `${paths[match](orgId)}${query ? `?${query}` : ""}`;
}

/** The "Organisation" select, for users who can read more than one; otherwise the organisation's name. */
export function OrgSwitcher({ me, orgId }: { me: Me; orgId: number }) {
  const id = useId();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const tree = orgTree(me.organisations);
  if (tree.length <= 1) {
    return <p className="shell-org">{tree[0]?.org.name ?? me.organisation.name}</p>;
  }
  const known = tree.some(({ org }) => org.id === orgId);
  return (
    <div className="shell-field">
      <label htmlFor={id}>Organisation</label>
      <select
        id={id}
        className="select"
        value={orgId}
        onChange={(event) => {
          void navigate(samePageIn(pathname, search, Number(event.target.value)));
        }}
      >
        {known ? null : <option value={orgId}>Organisation {orgId}</option>}
        {tree.map(({ org, depth }) => (
          <option key={org.id} value={org.id}>
            {"\u00a0\u00a0".repeat(depth)}
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The switcher's size while /me loads: the theme select beside it keeps its width and the page does not move. */
export function OrgSwitcherPlaceholder() {
  return (
    <div className="shell-field" aria-hidden="true">
      <span className="shell-field-label">Organisation</span>
      <span className="shell-field-placeholder">
        <Skeleton width="60%" />
      </span>
    </div>
  );
}
