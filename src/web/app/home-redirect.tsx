import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { meQueries } from "../api/me-queries";
import { LoadingScreen } from "./loading-screen";
import { paths } from "./paths";

/** `/` — the events of the user's own organisation. */
export function HomeRedirect() {
  const me = useQuery(meQueries.me());
  if (!me.data) return <LoadingScreen />;
  return <Navigate to={paths.events(me.data.organisation.id)} replace />;
}
