import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiErrorBody, ErrorCode } from "../../contract/error";
import { asStoreUnavailable, type UnavailableReason } from "../store/store-unavailable";
import { ApiError, notFound } from "./api-error";

/** The contract's error body for an ApiError, with its headers. */
export function errorResponse(c: Context, error: ApiError): Response {
  const body: ApiErrorBody = { error: error.code, message: error.message };
  if (error.param !== undefined) body.param = error.param;
  return c.json(body, error.status, error.headers);
}

export const handleError: ErrorHandler = (error, c) => errorResponse(c, toApiError(error, c));

export const handleNotFound: NotFoundHandler = (c) =>
  errorResponse(c, notFound(`There is no ${c.req.method} ${c.req.path} endpoint.`));

const httpExceptionCodes: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  406: "not_acceptable",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
  503: "unavailable",
};

function toApiError(error: unknown, c: Context): ApiError {
  if (error instanceof ApiError) return error;
  const storage = storageUnavailable(error);
  if (storage) {
    console.error(`[eventdesk] ${c.req.method} ${c.req.path}: event store unavailable (${storage.code})`);
    return storage.error;
  }
  if (error instanceof HTTPException) {
    const code = httpExceptionCodes[error.status];
    if (code) return new ApiError(code, error.message || "The request cannot be answered.");
  }
  console.error(`[eventdesk] ${c.req.method} ${c.req.path} failed:`, error);
  return new ApiError("internal", "Something went wrong on the server; the error has been logged.");
}

const unavailableAnswers: Record<UnavailableReason, { message: string; retryAfter: string }> = {
  cannot_write: {
    message: "The event store cannot save right now (its disk is read-only or full); reading still works.",
    retryAfter: "30",
  },
  busy: { message: "The event store is busy; try again in a moment.", retryAfter: "1" },
  file_lost: {
    message:
      "The event store's file was deleted or replaced while the server ran; nothing more is answered or saved until the server restarts.",
    retryAfter: "30",
  },
  unreachable: {
    message: "The event store's database cannot be reached right now; try again in a few seconds.",
    retryAfter: "5",
  },
};

/** The disk, a lock or the file, not the request, is at fault: the caller may retry later. */
function storageUnavailable(error: unknown): { code: string; error: ApiError } | undefined {
  const unavailable = asStoreUnavailable(error);
  if (!unavailable) return undefined;
  const { message, retryAfter } = unavailableAnswers[unavailable.reason];
  const answer = new ApiError("unavailable", message, undefined, { "Retry-After": retryAfter });
  return { code: unavailable.message, error: answer };
}
