import type { z } from "zod";

/** The body field a failed parse should name in its 400: an unknown key, or the path of the first issue. */
export function issueParam(error: z.ZodError): { param: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { param: undefined, message: "The request body is invalid." };
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return { param: key, message: `Unknown field ${key}.` };
  }
  const param = issue.path.map(String).join(".") || undefined;
  return { param, message: issue.message };
}
