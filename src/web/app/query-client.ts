import { QueryCache, QueryClient, type Query } from "@tanstack/react-query";
import { isApiError } from "../api/api-error";
import { errorMessage } from "../ui/states";
import { showToast } from "../ui/toast";

/** Client errors are final; a flaky network or a failing server gets two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (error.kind === "network" || error.kind === "server") && failureCount < 2;
}

/**
 * Errors with nothing on screen go to the route's error boundary, except those the page shows in place
 * (a rejected filter, a rate limit) and a 401, which sends the browser to the login page.
 */
export function throwsToBoundary(error: unknown, query: Query<unknown, Error, unknown>): boolean {
  if (query.state.data !== undefined) return false;
  return !(
    isApiError(error, "bad_request") ||
    isApiError(error, "too_many_requests") ||
    isApiError(error, "unauthorized")
  );
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // A refetch that fails while its data is on screen would otherwise go unnoticed.
      onError: (error, query) => {
        if (query.state.data !== undefined && !isApiError(error, "unauthorized")) {
          showToast(`Could not refresh: ${errorMessage(error)}`, { tone: "error" });
        }
      },
    }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, throwOnError: throwsToBoundary },
    },
  });
}
