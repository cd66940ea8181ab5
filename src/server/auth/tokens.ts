import { createSecretKey, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { SessionRecord } from "../store/account-store";

const issuer = "eventdesk";
const maxVerified = 10_000;
const audience = "eventdesk-api";

/** `use` tells an auth token (sent as Bearer) from a refresh token (sent only to /authenticate). */
export type TokenUse = "auth" | "refresh";

export type VerifiedToken = {
  userId: number;
  /** The refresh token's id: `jti` of a refresh token, `sid` of the auth tokens it issued. */
  sessionId: string;
  expiresAtMs: number;
};

export type TokenSettings = {
  secret: Uint8Array;
  authTtlSeconds: number;
  refreshTtlSeconds: number;
  now: () => number;
};

export type TokenService = ReturnType<typeof createTokenService>;

/** HS256 JWTs; verification accepts HS256 only, so `alg: none` and algorithm swaps fail. */
export function createTokenService({ secret, authTtlSeconds, refreshTtlSeconds, now }: TokenSettings) {
  // One KeyObject for every signature (handing jose the raw bytes imports a new key each time).
  const key = createSecretKey(secret);
  // A client sends the same auth token with every request: the same bytes verify the same way, so a token
  // seen before skips the signature check (several times the cost of the rest of a cached page answer).
  // Only its expiry depends on the time, and is checked on every use.
  const verified = new Map<string, VerifiedToken>();

  function sign(claims: JWTPayload, userId: number, issuedAt: number, expiresAt: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(String(userId))
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
  }

  return {
    /** A new session: a fresh random id (never reused, unlike a user id) and its refresh token. */
    async issueRefreshToken(userId: number): Promise<{ token: string; session: SessionRecord }> {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + refreshTtlSeconds;
      const session = { id: randomUUID(), userId, expiresAtMs: expiresAt * 1000 };
      const token = await sign({ use: "refresh", jti: session.id }, userId, issuedAt, expiresAt);
      return { token, session };
    },

    /** An auth token of the session; it never outlives the session's refresh token. */
    issueAuthToken(session: SessionRecord): Promise<string> {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = Math.min(issuedAt + authTtlSeconds, Math.floor(session.expiresAtMs / 1000));
      const claims = { use: "auth", sid: session.id, jti: randomUUID() };
      return sign(claims, session.userId, issuedAt, expiresAt);
    },

    /** The token's claims when it is well-formed, correctly signed, unexpired and of the given use. */
    async verify(token: string, use: TokenUse): Promise<VerifiedToken | undefined> {
      const cacheKey = `${use} ${token}`;
      const known = verified.get(cacheKey);
      if (known) {
        if (now() < known.expiresAtMs) return known;
        verified.delete(cacheKey);
        return undefined;
      }
      const claims = await verifySignature(token, use);
      if (claims) {
        if (verified.size >= maxVerified) verified.clear();
        verified.set(cacheKey, claims);
      }
      return claims;
    },
  };

  async function verifySignature(token: string, use: TokenUse): Promise<VerifiedToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ["HS256"],
        issuer,
        audience,
        currentDate: new Date(now()),
        requiredClaims: ["sub", "exp"],
      });
      const sessionId = use === "refresh" ? payload.jti : payload.sid;
      const userId = Number(payload.sub);
      if (payload.use !== use || typeof sessionId !== "string" || !Number.isSafeInteger(userId)) {
        return undefined;
      }
      return { userId, sessionId, expiresAtMs: (payload.exp ?? 0) * 1000 };
    } catch {
      return undefined;
    }
  }
}
