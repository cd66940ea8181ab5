import { tokensSchema } from "../../contract/auth";

/**
 * The session's tokens. Without a refresh token the session is a cookie session (the browser holds it) and
 * nothing is stored; with one (a server of the plain contract), both are mirrored to sessionStorage so a reload
 * keeps the tab signed in.
 */
export type Tokens = { authToken: string; refreshToken: string | undefined };

const storageKey = "eventdesk.session";

function storage(): Storage | undefined {
  return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
}

export function loadTokens(): Tokens | undefined {
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

export function saveTokens(value: Tokens | undefined): void {
  if (value?.refreshToken !== undefined) {
    storage()?.setItem(
      storageKey,
      JSON.stringify({ auth_token: value.authToken, refresh_token: value.refreshToken }),
    );
  } else {
    storage()?.removeItem(storageKey);
  }
}
