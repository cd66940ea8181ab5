import { apiErrorSchema, type ErrorCode } from "../../contract/error";

/** What went wrong, as the dashboard reacts to it (the contract's codes, folded, plus client-side failures). */
export type ApiErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "not_acceptable"
  | "too_many_requests"
  | "server"
  | "network"
  | "schema";

type ApiErrorInit = {
  kind: ApiErrorKind;
  message: string;
  status?: number | undefined;
  code?: ErrorCode | undefined;
  param?: string | undefined;
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
};

/** The one error type the API client throws; `message` is always a sentence a person can read. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  /** HTTP status, absent for network and some schema failures. */
  readonly status: number | undefined;
  /** The contract's `error` code when the server sent a contract error body. */
  readonly code: ErrorCode | undefined;
  /** For `bad_request`: the parameter, path segment or body field at fault (`q`, `sort`, `page`, …). */
  readonly param: string | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (a 429, or a 503 such as a full disk). */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.param = init.param;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "not_found";
  if (status === 406) return "not_acceptable";
  if (status === 429) return "too_many_requests";
  if (status >= 400 && status < 500) return "bad_request";
  return "server";
}

function fallbackMessage(kind: ApiErrorKind, status: number): string {
  switch (kind) {
    case "unauthorized":
      return "Your session is not valid any more. Sign in again.";
    case "forbidden":
      return "Your role does not allow this.";
    case "not_found":
      return "This was not found, or you may not see it.";
    case "not_acceptable":
      return "The server cannot answer in JSON. Is the dashboard pointed at an EventDesk API server?";
    case "too_many_requests":
      return "Too many attempts. Wait a moment and try again.";
    case "bad_request":
      return `The server rejected the request (HTTP ${status}).`;
    default:
      return `The server failed to answer (HTTP ${status}). Try again in a moment.`;
  }
}

/** Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readErrorBody(response: Response) {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(await response.text()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the error for a non-2xx answer from the contract's error body, or from the status alone. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  const kind = kindForStatus(status);
  const body = await readErrorBody(response);
  return new ApiError({
    kind,
    status,
    code: body?.error,
    message: body?.message || fallbackMessage(kind, status),
    param: kind === "bad_request" ? body?.param : undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    kind: "network",
    message: "Could not reach the EventDesk server. Check your connection and try again.",
    cause,
  });
}
