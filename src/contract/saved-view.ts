import { z } from "zod";
import { orgRefSchema } from "./event";

export const maxViewNameLength = 100;
export const maxViewQueryLength = 2000;

/** The dashboard pages a view may open; the organisation id and the container id are the path's own. */
export const savedViewPathPattern =
  /^\/orgs\/(?<orgId>[0-9]+)\/(?:events|failures|containers(?:\/(?<containerId>[^/?#]+))?)$/;

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  query: z.string(),
  organisation: orgRefSchema,
  shared: z.boolean(),
  owner: z.object({ id: z.number().int(), username: z.string(), name: z.string() }),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = z.array(savedViewSchema);

const noNul = (text: string) => !text.includes("\0");

const viewName = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, { error: "name must not be empty" })
  .max(maxViewNameLength, { error: `name must be at most ${String(maxViewNameLength)} characters` })
  .refine(noNul, { error: "name must not contain NUL characters" });

const viewQuery = z
  .string({ error: "query must be a string" })
  .max(maxViewQueryLength, { error: `query must be at most ${String(maxViewQueryLength)} characters` })
  .refine((text) => !text.startsWith("?"), { error: "query must not start with ?" })
  .refine(noNul, { error: "query must not contain NUL characters" });

const viewShared = z.boolean({ error: "shared must be true or false" });

export const newSavedViewSchema = z.strictObject({
  name: viewName,
  path: z.string({ error: "path must be a string" }).regex(savedViewPathPattern, {
    error:
      "path must be a dashboard path: /orgs/{id}/events, /orgs/{id}/failures, /orgs/{id}/containers or /orgs/{id}/containers/{container_id}",
  }),
  query: viewQuery.default(""),
  shared: viewShared.default(false),
});
export type NewSavedView = z.infer<typeof newSavedViewSchema>;

/** A view's path is fixed: a view of another page is a new view. */
export const savedViewPatchSchema = z.strictObject({
  name: viewName.optional(),
  query: viewQuery.optional(),
  shared: viewShared.optional(),
});
export type SavedViewPatch = z.infer<typeof savedViewPatchSchema>;
