import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { issueParam } from "../../contract/issue-param";
import { ApiError, badRequest } from "./api-error";

/**
 * 413 for a body over `maxBytes`, whether it announces its length or streams. The rest of the body is never
 * read, so the connection closes after the answer rather than be reused with unread bytes in it.
 */
function limitBodyTo(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      const message = `The request body must be at most ${String(maxBytes / 1024)} KB.`;
      throw new ApiError("payload_too_large", message, undefined, { Connection: "close" });
    },
  });
}

export const limitBody = limitBodyTo(64 * 1024);
/** Room for a full batch of events with long descriptions (1,000 × 2,000 characters of up to 2 bytes). */
export const limitBatchBody = limitBodyTo(4 * 1024 * 1024);

/**
 * The body, parsed as JSON; 415 unless it is sent as `application/json`. A browser sends a text/plain or form
 * body to another origin without asking it first (no CORS preflight), so taking only JSON keeps other sites'
 * pages from posting to the API in their visitors' names.
 */
export async function readJson(c: Context): Promise<unknown> {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new ApiError(
      "unsupported_media_type",
      "The request body must be JSON, sent with Content-Type: application/json.",
      undefined,
      { "Accept-Post": "application/json" },
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body must be a JSON object.", "body");
  }
}

/** The body as the schema reads it, or a 400 naming the field at fault. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { param, message } = issueParam(parsed.error);
  throw badRequest(message, param ?? "body");
}
