import { useId } from "react";
import { Skeleton } from "../ui/states";
import { useLocation, useNavigate } from "react-router";
import type { Me } from "../../contract/organisation";
import { orgTree } from "./org-tree";
import { paths } from "./paths";

const pageTypes = ["events", "containers", "failures"] as const;

/** Same kind of page in another organisation; a container's timeline becomes that organisation's containers. */
function samePageIn(pathname: string, orgId: number): string {
  const type = /^\/orgs\/[^/]+\/([^/]+)/.exec(pathname)?.[1];
  const match = pageTypes.find((candidate) => candidate === type) ?? "events";
  return paths[match](orgId);
}

/** The "Organisation" select, for users who can read more than one; otherwise the organisation's name. */
export function OrgSwitcher({ me, orgId }: { me: Me; orgId: number }) {
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
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
          void navigate(samePageIn(pathname, Number(event.target.value)));
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
