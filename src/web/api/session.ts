import { apiPaths } from "../../contract/api-paths";
import { cookieSessionHeader, cookieSessionValue, refreshedSchema, tokensSchema } from "../../contract/auth";
import { isApiError } from "./api-error";
import { jwtExpiresAt, jwtIssuedAt } from "./jwt-expiry";
import { configureAuth, request, send } from "./request";
import { loadTokens, saveTokens, type Tokens } from "./stored-tokens";

/**
 * The signed-in session. With an EventDesk server it is a cookie session: the auth token lives in memory and
 * the refresh token in an HttpOnly cookie no script can read, shared by every tab, so a new tab or a reload
 * signs in from it ("restoring"), and signing out in one tab signs out all (a BroadcastChannel tells them).
 * A server that answers the plain contract (a refresh token in the body) gets the tab-scoped session it had:
 * both tokens mirrored to sessionStorage. The auth token is refreshed shortly before it expires. React
 * subscribes through `subscribeSession`/`getSession` (see features/auth/use-session.ts).
 */

/** Why the last attempt to sign out failed, and when the next one starts by itself (undefined: on request only). */
export type SignOutFailure = { error: unknown; retryAt: number | undefined };

/** A sign-out the server has not confirmed yet: until it does, the session is still signed in. */
export type SignOutAttempt = { sending: boolean; failure: SignOutFailure | undefined };

export type Session =
  | { status: "restoring" }
  | { status: "signed-in"; signOut?: SignOutAttempt }
  | { status: "signed-out"; reason: "initial" | "signed-out" | "expired" };

/** Refresh this long before the auth token expires, or a quarter of its life for tokens shorter than 4 minutes. */
const refreshLeadMs = 60_000;
const retryRefreshMs = 15_000;
/** A failed sign-out without `Retry-After` is retried after 2 s, then 4, 8… up to a minute. */
const signOutBackoffMs = { first: 2_000, max: 60_000 };
const maxTimerMs = 2 ** 31 - 1;

let tokens: Tokens | undefined = loadTokens();
let refreshLead = tokens ? leadFor(tokens.authToken) : refreshLeadMs;
let session: Session = tokens ? { status: "signed-in" } : { status: "restoring" };
const cookieSession = { [cookieSessionHeader]: cookieSessionValue };
/** Our server answers a cookie session's sign-in with the auth token only; others with both tokens. */
const signInSchema = tokensSchema.partial({ refresh_token: true });
const otherTabs =
  typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel("eventdesk.session");
let refreshing: Promise<void> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let signingOut: Promise<void> | undefined;
let signOutFailures = 0;
let signOutTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

export function getSession(): Session {
  return session;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function login(username: string, password: string): Promise<void> {
  const { data } = await request(apiPaths.authenticate, {
    method: "POST",
    body: { username, password },
    headers: cookieSession,
    schema: signInSchema,
    auth: false,
  });
  setTokens({ authToken: data.auth_token, refreshToken: data.refresh_token });
  otherTabs?.postMessage("signed-in");
}

/** Signs this tab in from the browser's cookie session, if it has one. */
async function restore(): Promise<void> {
  try {
    const { data } = await request(apiPaths.authenticate, {
      method: "POST",
      body: {},
      headers: cookieSession,
      schema: refreshedSchema,
      auth: false,
    });
    if (!tokens) setTokens({ authToken: data.auth_token, refreshToken: undefined });
  } catch {
    if (!tokens) publish({ status: "signed-out", reason: "initial" });
  }
}

/**
 * Signs out: asks the server to revoke the refresh token, and forgets the tokens once it has (204) or says the
 * token is not valid anyway (401). Until then the session stays signed in, because it is, with `signOut` saying
 * how the attempt stands; a failure the server or network may get over is retried by itself, after
 * `Retry-After` when the server sends one. Calling it while a retry waits retries at once.
 */
export function logout(): Promise<void> {
  clearTimeout(signOutTimer);
  signingOut ??= revokeRefreshToken().finally(() => {
    signingOut = undefined;
  });
  return signingOut;
}

async function revokeRefreshToken(): Promise<void> {
  const current = tokens;
  if (!current) {
    end("signed-out");
    return;
  }
  const unchanged = () => tokens?.refreshToken === current.refreshToken;
  updateSignOut({
    sending: true,
    failure: session.status === "signed-in" ? session.signOut?.failure : undefined,
  });
  try {
    await send(apiPaths.authenticate, {
      method: "DELETE",
      ...(current.refreshToken === undefined
        ? { body: {}, headers: cookieSession }
        : { body: { refresh_token: current.refreshToken } }),
      auth: false,
    });
  } catch (error) {
    if (!isApiError(error, "unauthorized")) {
      if (unchanged()) signOutFailed(error);
      return;
    }
  }
  if (unchanged()) {
    end("signed-out");
    otherTabs?.postMessage("signed-out");
  }
}

function signOutFailed(error: unknown): void {
  signOutFailures++;
  const delayMs = signOutRetryDelayMs(error, signOutFailures);
  if (delayMs !== undefined) signOutTimer = setTimeout(() => void logout(), delayMs);
  updateSignOut({
    sending: false,
    failure: { error, retryAt: delayMs === undefined ? undefined : Date.now() + delayMs },
  });
}

/** Only an unreachable, failing or busy server is worth retrying; a refused request would be refused again. */
function signOutRetryDelayMs(error: unknown, failures: number): number | undefined {
  const transient =
    isApiError(error, "network") || isApiError(error, "server") || isApiError(error, "too_many_requests");
  if (!transient) return undefined;
  if (error.retryAfterSeconds !== undefined) {
    return Math.min(Math.max(1, error.retryAfterSeconds) * 1000, maxTimerMs);
  }
  return Math.min(signOutBackoffMs.first * 2 ** (failures - 1), signOutBackoffMs.max);
}

function updateSignOut(signOut: SignOutAttempt): void {
  if (session.status === "signed-in") publish({ status: "signed-in", signOut });
}

/** Ends the session because the server refused its token. */
export function expireSession(): void {
  if (tokens) end("expired");
}

async function freshAuthToken(): Promise<string | undefined> {
  if (tokens && expiresWithin(tokens.authToken, refreshLead / 2)) await refresh();
  return tokens?.authToken;
}

function refresh(): Promise<void> {
  refreshing ??= runRefresh().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function runRefresh(): Promise<void> {
  const current = tokens;
  if (!current) return;
  try {
    const { data } = await request(apiPaths.authenticate, {
      method: "POST",
      ...(current.refreshToken === undefined
        ? { body: {}, headers: cookieSession }
        : { body: { refresh_token: current.refreshToken } }),
      schema: refreshedSchema,
      auth: false,
    });
    if (tokens === current) setTokens({ ...current, authToken: data.auth_token });
  } catch (error) {
    if (tokens !== current) return;
    if (isApiError(error, "unauthorized") || isApiError(error, "bad_request")) end("expired");
    else scheduleRefresh(retryRefreshMs);
  }
}

function setTokens(next: Tokens): void {
  tokens = next;
  refreshLead = leadFor(next.authToken);
  saveTokens(next);
  scheduleRefresh();
  if (session.status !== "signed-in") publish({ status: "signed-in" });
}

function end(reason: "signed-out" | "expired"): void {
  tokens = undefined;
  saveTokens(undefined);
  clearTimeout(refreshTimer);
  clearTimeout(signOutTimer);
  signOutFailures = 0;
  publish({ status: "signed-out", reason });
}

function publish(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

function scheduleRefresh(delayMs?: number): void {
  clearTimeout(refreshTimer);
  if (!tokens) return;
  const expiresAt = jwtExpiresAt(tokens.authToken);
  if (delayMs === undefined && expiresAt === undefined) return;
  const delay = delayMs ?? (expiresAt ?? 0) - refreshLead - Date.now();
  refreshTimer = setTimeout(() => void refresh(), Math.min(Math.max(0, delay), maxTimerMs));
}

/**
 * How long before a token's expiry to refresh it: a minute, or a quarter of the life of a shorter token (from
 * `iat`, else from now), so that a token living under a minute is not refreshed the moment it arrives, again
 * and again.
 */
function leadFor(token: string): number {
  const expiresAt = jwtExpiresAt(token);
  if (expiresAt === undefined) return refreshLeadMs;
  const life = expiresAt - (jwtIssuedAt(token) ?? Date.now());
  return Math.min(refreshLeadMs, Math.max(1_000, life / 4));
}

function expiresWithin(token: string, ms: number): boolean {
  const expiresAt = jwtExpiresAt(token);
  return expiresAt !== undefined && expiresAt - Date.now() < ms;
}

configureAuth({ token: freshAuthToken, onUnauthorized: expireSession });
scheduleRefresh();
if (!tokens) void restore();
otherTabs?.addEventListener("message", (event: MessageEvent) => {
  if (event.data === "signed-out" && tokens) end("signed-out");
  if (event.data === "signed-in" && !tokens) void restore();
});
