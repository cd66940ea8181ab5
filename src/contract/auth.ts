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

/**
 * A browser dashboard's request header asking for a cookie session: sign-in answers the auth token only and
 * keeps the refresh token in an HttpOnly cookie scoped to /authenticate; POST and DELETE /authenticate with
 * `{}` then refresh and sign out with that cookie. Servers without it answer the plain contract.
 */
export const cookieSessionHeader = "X-EventDesk-Session";
export const cookieSessionValue = "cookie";

export const emptyBodySchema = z.strictObject({});
