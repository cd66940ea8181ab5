import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { eventList } from "../../contract/list-params";
import { eventQueries } from "../api/event-queries";
import { meQueries } from "../api/me-queries";
import { getSession } from "../api/session";
import { readListSearch, toListRequest } from "./list-search";
import { parseOrgId } from "./use-org-id";

/*
 * Route loaders that only start requests: they run as soon as the router matches a URL, in parallel with the
 * download of the page's lazy chunk, instead of after it. Nothing is awaited (the page shows its own loading
 * state and errors); without a session nothing is asked (RequireAuth sends the browser to the login page).
 */

const ignore = () => undefined;

function signedIn(): boolean {
  return getSession().status === "signed-in";
}

/** The shell's /me. */
export function prefetchShell(queryClient: QueryClient): null {
  if (signedIn()) queryClient.query(meQueries.me()).catch(ignore);
  return null;
}

/** The events page's first list page (the URL's page, sort and filters) and the event types. */
export function prefetchEventsPage(queryClient: QueryClient, { params, request }: LoaderFunctionArgs): null {
  const orgId = parseOrgId(params.orgId ?? "");
  if (!signedIn() || orgId === undefined) return null;
  const search = readListSearch(new URL(request.url).searchParams, eventList);
  if (search.problem) return null;
  queryClient.query(eventQueries.list(orgId, "events", toListRequest(search, eventList))).catch(ignore);
  queryClient.query(eventQueries.types()).catch(ignore);
  return null;
}
