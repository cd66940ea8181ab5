import { errorStatuses, type ErrorCode } from "../../contract/error";

/** The one error the routes throw; the app's error handler turns it into the contract's error body. */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get status(): (typeof errorStatuses)[ErrorCode] {
    return errorStatuses[this.code];
  }
}

export const badRequest = (message: string, param?: string) => new ApiError("bad_request", message, param);

export const notFound = (message: string) => new ApiError("not_found", message);

export const unauthorized = (message: string) =>
  new ApiError("unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="eventdesk"' });

export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError("too_many_requests", "Too many failed sign-in attempts; try again later.", undefined, {
    "Retry-After": String(retryAfterSeconds),
  });
