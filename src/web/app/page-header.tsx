import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { meQueries } from "../api/me-queries";
import { useDocumentTitle } from "../ui/use-document-title";

/**
 * A page's title row: `<h1>{title}</h1>`, the organisation's name (from /me) and `actions` on the right
 * (export, column chooser…). `subtitle` replaces the organisation's name. The tab is named
 * `<string title> · <organisation> · EventDesk`.
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
  useDocumentTitle(typeof title === "string" ? title : undefined, orgName);
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
        {(subtitle ?? orgName) ? <p className="page-subtitle">{subtitle ?? orgName}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
