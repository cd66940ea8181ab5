import { Hono } from "hono";
import { logoutBodySchema, passwordLoginSchema, refreshLoginSchema } from "../../../contract/auth";
import type { SignIn } from "../../auth/sign-in";
import type { AppEnv } from "../app-env";
import { clientAddress, trustedProxyList } from "../client-address";
import { jsonType, negotiate } from "../negotiate";
import { limitBody, parseBody, readJson } from "../request-body";

/** POST signs in with a password or a refresh token; DELETE signs out, revoking the refresh token. */
export function authenticateRoutes(signIn: SignIn, trustedProxies: readonly string[]) {
  const trusted = trustedProxyList(trustedProxies);
  return new Hono<AppEnv>()
    .post("/authenticate", limitBody, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const body = await readJson(c);
      if (typeof body === "object" && body !== null && "refresh_token" in body) {
        const { refresh_token } = parseBody(refreshLoginSchema, body);
        return c.json(await signIn.withRefreshToken(refresh_token));
      }
      const { username, password } = parseBody(passwordLoginSchema, body);
      return c.json(await signIn.withPassword(username, password, clientAddress(c, trusted)));
    })
    .delete("/authenticate", limitBody, async (c) => {
      const { refresh_token } = parseBody(logoutBodySchema, await readJson(c));
      await signIn.signOut(refresh_token);
      return c.body(null, 204);
    });
}
