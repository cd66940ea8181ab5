import { Hono } from "hono";
import {
  emptyBodySchema,
  logoutBodySchema,
  passwordLoginSchema,
  refreshLoginSchema,
} from "../../../contract/auth";
import type { SignIn } from "../../auth/sign-in";
import { ApiError, unauthorized } from "../api-error";
import type { AppEnv } from "../app-env";
import { clientAddress, trustedProxyList } from "../client-address";
import { jsonType, negotiate } from "../negotiate";
import { clearRefreshCookie, refreshCookie, setRefreshCookie, wantsCookieSession } from "../refresh-cookie";
import { limitBody, parseBody, readJson } from "../request-body";

/**
 * POST signs in with a password or a refresh token; DELETE signs out, revoking the refresh token. A cookie
 * session (see refresh-cookie.ts) signs in with a password, then refreshes and signs out with `{}`.
 */
export function authenticateRoutes(
  signIn: SignIn,
  trustedProxies: readonly string[],
  refreshTtlSeconds: number,
) {
  const trusted = trustedProxyList(trustedProxies);
  return new Hono<AppEnv>()
    .post("/authenticate", limitBody, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const body = await readJson(c);
      const cookieSession = wantsCookieSession(c);
      if (cookieSession && emptyBodySchema.safeParse(body).success) {
        const token = refreshCookie(c);
        if (!token) throw unauthorized("There is no session in this browser; sign in.");
        try {
          return c.json(await signIn.withRefreshToken(token));
        } catch (error) {
          clearRefreshCookie(c);
          throw error;
        }
      }
      if (typeof body === "object" && body !== null && "refresh_token" in body) {
        const { refresh_token } = parseBody(refreshLoginSchema, body);
        return c.json(await signIn.withRefreshToken(refresh_token));
      }
      const { username, password } = parseBody(passwordLoginSchema, body);
      const tokens = await signIn.withPassword(username, password, clientAddress(c, trusted));
      if (!cookieSession) return c.json(tokens);
      setRefreshCookie(c, tokens.refresh_token, refreshTtlSeconds);
      return c.json({ auth_token: tokens.auth_token });
    })
    .delete("/authenticate", limitBody, async (c) => {
      const body = await readJson(c);
      if (wantsCookieSession(c)) {
        parseBody(emptyBodySchema, body);
        const token = refreshCookie(c);
        // Signing out of a session that already ended is not an error; a store that cannot answer is.
        if (token) {
          await signIn.signOut(token).catch((error: unknown) => {
            if (!(error instanceof ApiError && error.code === "unauthorized")) throw error;
          });
        }
        clearRefreshCookie(c);
        return c.body(null, 204);
      }
      const { refresh_token } = parseBody(logoutBodySchema, body);
      await signIn.signOut(refresh_token);
      return c.body(null, 204);
    });
}
