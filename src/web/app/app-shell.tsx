import { useQuery } from "@tanstack/react-query";
import { NavLink, Outlet } from "react-router";
import { meQueries } from "../api/me-queries";
import { SignOutButton, SignOutFailedNotice } from "../features/auth/sign-out";
import { ExportTray } from "../features/export/export-tray";
import { SavedViewsSection } from "../features/saved-views/saved-views-section";
import { useDisplayZone } from "../ui/display-zone";
import { Skeleton } from "../ui/states";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { OrgSwitcher, OrgSwitcherPlaceholder } from "./org-switcher";
import { paths } from "./paths";
import { ThemeToggle } from "./theme-toggle";
import { TimeZoneToggle } from "./time-zone-toggle";
import { useOrgId } from "./use-org-id";
import "./app-shell.css";

/** The frame around every page of an organisation: navigation, organisation, user, theme, sign-out. */
export function AppShell() {
  const orgId = useOrgId();
  const me = useQuery(meQueries.me());
  const user = me.data?.user;
  const zone = useDisplayZone();
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus the main region without a #main history entry for the router to handle.
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="shell-sidebar">
        <p className="shell-brand">EventDesk</p>
        <nav className="shell-nav" aria-label="Main">
          <NavLink to={paths.events(orgId)}>Events</NavLink>
          <NavLink to={paths.containers(orgId)}>Containers</NavLink>
          <NavLink to={paths.failures(orgId)}>Failures</NavLink>
        </nav>
        <div className="shell-settings">
          {me.data ? <OrgSwitcher me={me.data} orgId={orgId} /> : <OrgSwitcherPlaceholder />}
          <ThemeToggle />
          <TimeZoneToggle />
        </div>
        <SavedViewsSection me={me.data} orgId={orgId} />
        <div className="shell-account">
          {/* Kept in place while /me loads, so the navigation and the page below do not move when it arrives. */}
          <p className="shell-user">
            {user ? (
              <>
                <span className="shell-user-name">{user.name}</span>
                <span className="badge">{user.role}</span>
              </>
            ) : (
              <Skeleton width="110px" />
            )}
          </p>
          <SignOutButton />
        </div>
        <SignOutFailedNotice />
      </header>
      {/* Keyed by the time zone: every time on the page is formatted again when it changes. */}
      <main id="main" key={zone} className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ExportTray />
      <KeyboardShortcuts />
    </div>
  );
}
