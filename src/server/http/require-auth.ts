import { createMiddleware } from "hono/factory";
import type { Sessions } from "../auth/sessions";
import type { TokenService } from "../auth/tokens";
import type { AccountStore } from "../store/account-store";
import { ApiError, unauthorized } from "./api-error";
import type { AppEnv } from "./app-env";

const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

/** 401 unless the request carries a live auth token of a live session; sets `caller`. */
export const requireAuth = (accounts: AccountStore, sessions: Sessions, tokens: TokenService) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("Authorization");
    if (header === undefined) throw unauthorized("Sign in first: send Authorization: Bearer <auth_token>.");
    const token = bearer.exec(header)?.[1];
    if (token === undefined) throw invalidToken("The Authorization header must be Bearer <auth_token>.");
    const claims = await tokens.verify(token, "auth");
    if (!claims) throw invalidToken("The auth token is invalid or expired; refresh it or sign in again.");
    const user = (await sessions.isLive(claims)) ? await accounts.findUserById(claims.userId) : undefined;
    if (!user) {
      throw invalidToken("The session has ended; sign in again.");
    }
    c.set("caller", user);
    c.set("authExpiresAtMs", claims.expiresAtMs);
    await next();
  });

/** Admins write; support staff only read. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("caller").role !== "admin") {
    throw new ApiError("forbidden", "Your role (support) may read events but not write them.");
  }
  await next();
});

function invalidToken(message: string): ApiError {
  return new ApiError("unauthorized", message, undefined, {
    "WWW-Authenticate": 'Bearer realm="eventdesk", error="invalid_token"',
  });
}
