import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { apiBase } from "../../contract/api-paths";
import { cookieSessionHeader, cookieSessionValue } from "../../contract/auth";

const name = "eventdesk_refresh";
const path = `${apiBase}/authenticate`;

/** The request asks for a cookie session (the dashboard does; scripts use the JSON tokens). */
export function wantsCookieSession(c: Context): boolean {
  return c.req.header(cookieSessionHeader) === cookieSessionValue;
}

/**
 * Keeps the refresh token where scripts cannot read it: HttpOnly, sent only to /authenticate and only by this
 * site's own pages (SameSite=Strict), Secure over HTTPS. Every tab of the browser shares it.
 */
export function setRefreshCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, name, token, {
    path,
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: maxAgeSeconds,
  });
}

export function refreshCookie(c: Context): string | undefined {
  return getCookie(c, name);
}

export function clearRefreshCookie(c: Context): void {
  deleteCookie(c, name, { path, secure: new URL(c.req.url).protocol === "https:" });
}
