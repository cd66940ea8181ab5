import type { z } from "zod";

/**
 * The body field a failed parse should name in its 400: an unknown key, or the path of the first issue,
 * written as a client would reach it (`events[3].timestamp`).
 */
export function issueParam(error: z.ZodError): { param: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { param: undefined, message: "The request body is invalid." };
  if (issue.code === "unrecognized_keys") {
    const key = fieldPath([...issue.path, issue.keys[0] ?? ""]);
    return { param: key, message: `Unknown field ${key}.` };
  }
  return { param: fieldPath(issue.path) || undefined, message: issue.message };
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === "number" ? `[${String(key)}]` : `${index === 0 ? "" : "."}${String(key)}`,
    )
    .join("");
}
