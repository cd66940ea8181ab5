/**
 * Placeholders for a region whose data is missing.
 * - `EmptyState` — `title`, `children` (why it is empty, in words), optional `action` (e.g. a Clear filters button).
 * - `ErrorState` — shows the server's message for `error` (an ApiError or anything thrown) and a `Retry` button
 *   when `onRetry` is given; `title` defaults to "Something went wrong". Announced as an alert.
 * - `Skeleton` — a shimmering bar while loading; `width` is any CSS length.
 */
import type { ReactNode } from "react";
import { isApiError } from "../api/api-error";
import "./states.css";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
      {action ? <div className="state-actions">{action}</div> : null}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "An unexpected error occurred.";
}

export function ErrorState({
  error,
  title = "Something went wrong",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const wait = isApiError(error, "too_many_requests") ? error.retryAfterSeconds : undefined;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-body">{errorMessage(error)}</p>
      {wait !== undefined ? <p className="state-body muted">Try again in {wait} s.</p> : null}
      {onRetry ? (
        <div className="state-actions">
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Skeleton({ width = "100%", height = 12 }: { width?: string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}
