import { z } from "zod";

export const roleSchema = z.enum(["admin", "support"]);
export type Role = z.infer<typeof roleSchema>;

export const organisationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parent_id: z.number().int().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    role: roleSchema,
  }),
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  organisations: z.array(organisationSchema),
});
export type Me = z.infer<typeof meSchema>;
