import { Navigate, Outlet, useLocation } from "react-router";
import { LoadingScreen } from "../../app/loading-screen";
import { paths } from "../../app/paths";
import { useSession } from "./use-session";

/**
 * Layout route guarding the dashboard: while the browser's session is being restored it waits; without a
 * session — never signed in, signed out, or ended by a 401 from any request — it sends the browser to
 * /login?next=<this exact path and search> (plain /login after `Sign out`).
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === "restoring") return <LoadingScreen />;
  if (session.status === "signed-out") {
    // After an explicit sign-out the next user may belong elsewhere: do not send them back here.
    const next = session.reason === "signed-out" ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to={paths.login(next)} replace />;
  }
  return <Outlet />;
}
