import { z } from "zod";

export const errorStatuses = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatuses;

export const errorCodeSchema = z.enum(Object.keys(errorStatuses) as [ErrorCode, ...ErrorCode[]]);

export const apiErrorSchema = z.object({
  error: errorCodeSchema,
  message: z.string(),
  param: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
