import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { useEffect } from "react";
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from "react-router";
import { isApiError } from "../api/api-error";
import { ErrorState } from "../ui/states";
import { useDocumentTitle } from "../ui/use-document-title";

/**
 * The error boundary of the routes: shows the server's message (or the router's 404) and a Retry that resets
 * failed queries and re-renders the route. When the server cannot be reached or fails, it retries by itself
 * every few seconds, so the page comes back on its own once the server does.
 */
const autoRetryMs = 5000;

export function RouteError() {
  const error = useRouteError();
  const { reset } = useQueryErrorResetBoundary();
  const navigate = useNavigate();
  const location = useLocation();
  // Routes have no loaders, so revalidating would keep the error: navigating to the same URL renders it afresh.
  const retry = () => {
    reset();
    void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
  };
  const transient = isApiError(error, "network") || isApiError(error, "server");
  useEffect(() => {
    if (!transient) return;
    const timer = setTimeout(retry, autoRetryMs);
    return () => {
      clearTimeout(timer);
    };
  });

  const routeMissing = isRouteErrorResponse(error) && error.status === 404;
  const title = routeMissing
    ? "Page not found"
    : isApiError(error, "not_found")
      ? "Not found"
      : isApiError(error, "forbidden")
        ? "Not allowed"
        : isApiError(error, "network")
          ? "Cannot reach the server"
          : "Something went wrong";
  useDocumentTitle(title);

  if (routeMissing) return <NotFound />;

  // Asking again cannot change a refusal (a 4xx): the way out is elsewhere.
  const refused = isApiError(error) && ["not_found", "forbidden", "bad_request"].includes(error.kind);
  return (
    <div className="page route-error">
      <ErrorState
        title={title}
        error={isRouteErrorResponse(error) ? new Error(error.statusText || `HTTP ${error.status}`) : error}
        onRetry={refused ? undefined : retry}
      />
      {transient ? (
        <p className="muted" role="status" style={{ textAlign: "center" }}>
          Trying again automatically every {autoRetryMs / 1000} seconds.
        </p>
      ) : null}
      <WayOut />
    </div>
  );
}

/** Links out of an error: back where the user came from, or to the start. */
function WayOut() {
  const navigate = useNavigate();
  return (
    <nav className="route-error-ways" aria-label="Ways out">
      {window.history.length > 1 ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigate(-1);
          }}
        >
          Go back
        </button>
      ) : null}
      <Link className="button" to="/">
        Go to your organisation&apos;s events
      </Link>
    </nav>
  );
}

export function NotFound() {
  useDocumentTitle("Page not found");
  return (
    <div className="page route-error">
      <div className="state">
        <h1 className="state-title">Page not found</h1>
        <p className="state-body">There is no page at this address.</p>
      </div>
      <WayOut />
    </div>
  );
}
