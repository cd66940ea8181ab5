import { z } from "zod";

export const passwordLoginSchema = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

export const refreshLoginSchema = z.strictObject({ refresh_token: z.string().min(1).max(4000) });

export const authenticateBodySchema = z.union([passwordLoginSchema, refreshLoginSchema]);
export type AuthenticateBody = z.infer<typeof authenticateBodySchema>;

export const tokensSchema = z.object({
  auth_token: z.string(),
  refresh_token: z.string(),
});
export type Tokens = z.infer<typeof tokensSchema>;

export const refreshedSchema = z.object({ auth_token: z.string() });

export const logoutBodySchema = refreshLoginSchema;
