/** A JWT's claims, decoded without verifying the signature (the server verifies). Undefined when unreadable. */
function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function timeClaim(token: string, name: "exp" | "iat"): number | undefined {
  const value = claimsOf(token)?.[name];
  return typeof value === "number" && Number.isFinite(value) ? value * 1000 : undefined;
}

/**
 * When a JWT expires, in epoch milliseconds, from its `exp` claim (the dashboard only needs to know when to
 * refresh). Undefined when it cannot tell.
 */
export function jwtExpiresAt(token: string): number | undefined {
  return timeClaim(token, "exp");
}

/** When a JWT was issued (`iat`), in epoch milliseconds; undefined without the claim. */
export function jwtIssuedAt(token: string): number | undefined {
  return timeClaim(token, "iat");
}
