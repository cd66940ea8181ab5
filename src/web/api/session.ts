import { apiPaths } from "../../contract/api-paths";
import { refreshedSchema, tokensSchema } from "../../contract/auth";
import { isApiError } from "./api-error";
import { jwtExpiresAt } from "./jwt-expiry";
import { configureAuth, request, send } from "./request";

/**
 * The signed-in session: tokens in memory, mirrored to sessionStorage so a reload keeps the tab signed in.
 * The auth token is refreshed with the refresh token shortly before it expires. React subscribes through
 * `subscribeSession`/`getSession` (see features/auth/use-session.ts).
 */

export type Session =
  { status: "signed-in" } | { status: "signed-out"; reason: "initial" | "signed-out" | "expired" };

type Tokens = { authToken: string; refreshToken: string };

const storageKey = "eventdesk.session";
/** Refresh this long before the auth token expires. */
const refreshLeadMs = 60_000;
const retryRefreshMs = 15_000;
const maxTimerMs = 2 ** 31 - 1;

let tokens: Tokens | undefined = loadTokens();
let session: Session = tokens ? { status: "signed-in" } : { status: "signed-out", reason: "initial" };
let refreshing: Promise<void> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
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
    schema: tokensSchema,
    auth: false,
  });
  setTokens({ authToken: data.auth_token, refreshToken: data.refresh_token });
}

/** Revokes the refresh token on the server (best effort) and forgets the tokens. */
export async function logout(): Promise<void> {
  const current = tokens;
  end("signed-out");
  if (!current) return;
  try {
    await send(apiPaths.authenticate, {
      method: "DELETE",
      body: { refresh_token: current.refreshToken },
      auth: false,
    });
  } catch {
    // The tokens are gone from this tab either way; an unrevoked refresh token still expires on its own.
  }
}

/** Ends the session because the server refused its token. */
export function expireSession(): void {
  if (tokens) end("expired");
}

async function freshAuthToken(): Promise<string | undefined> {
  if (tokens && expiresWithin(tokens.authToken, refreshLeadMs / 2)) await refresh();
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
      body: { refresh_token: current.refreshToken },
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
  saveTokens(next);
  scheduleRefresh();
  if (session.status !== "signed-in") publish({ status: "signed-in" });
}

function end(reason: "signed-out" | "expired"): void {
  tokens = undefined;
  saveTokens(undefined);
  clearTimeout(refreshTimer);
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
  const delay = delayMs ?? (expiresAt ?? 0) - refreshLeadMs - Date.now();
  refreshTimer = setTimeout(() => void refresh(), Math.min(Math.max(0, delay), maxTimerMs));
}

function expiresWithin(token: string, ms: number): boolean {
  const expiresAt = jwtExpiresAt(token);
  return expiresAt !== undefined && expiresAt - Date.now() < ms;
}

function storage(): Storage | undefined {
  return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
}

function loadTokens(): Tokens | undefined {
  try {
    const stored: unknown = JSON.parse(storage()?.getItem(storageKey) ?? "null");
    const parsed = tokensSchema.safeParse(stored);
    return parsed.success
      ? { authToken: parsed.data.auth_token, refreshToken: parsed.data.refresh_token }
      : undefined;
  } catch {
    return undefined;
  }
}

function saveTokens(value: Tokens | undefined): void {
  if (value) {
    storage()?.setItem(
      storageKey,
      JSON.stringify({ auth_token: value.authToken, refresh_token: value.refreshToken }),
    );
  } else {
    storage()?.removeItem(storageKey);
  }
}

configureAuth({ token: freshAuthToken, onUnauthorized: expireSession });
scheduleRefresh();
