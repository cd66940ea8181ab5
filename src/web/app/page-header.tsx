import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { meQueries } from "../api/me-queries";

/**
 * A page's title row: `<h1>{title}</h1>`, the organisation's name (from /me) and `actions` on the right
 * (export, column chooser…). `subtitle` replaces the organisation's name. A string title also names the tab.
 */
export function PageHeader({
  title,
  orgId,
  subtitle,
  actions,
}: {
  title: ReactNode;
  orgId: number;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const me = useQuery(meQueries.me());
  const orgName = me.data?.organisations.find((org) => org.id === orgId)?.name;
  return (
    <header className="page-header">
      {typeof title === "string" ? <title>{`${title} · EventDesk`}</title> : null}
      <div className="page-title">
        <h1>{title}</h1>
        {(subtitle ?? orgName) ? <p className="page-subtitle">{subtitle ?? orgName}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
