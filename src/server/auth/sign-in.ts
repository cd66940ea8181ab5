import type { Tokens } from "../../contract/auth";
import { tooManyRequests, unauthorized } from "../http/api-error";
import type { EventStore } from "../store/event-store";
import { FailureLimiter } from "./failure-limiter";
import { KeyedQueue } from "./keyed-queue";
import { hashPassword, verifyPassword } from "./password";
import type { TokenService } from "./tokens";

const fiveMinutes = 5 * 60 * 1000;
export const usernameRule = { maxFailures: 5, windowMs: fiveMinutes };
export const addressRule = { maxFailures: 30, windowMs: fiveMinutes };

export type SignIn = ReturnType<typeof createSignIn>;

/** Password and refresh-token sign-in, sign-out, and the failure limits that guard them. */
export function createSignIn(store: EventStore, tokens: TokenService, now: () => number) {
  const byUsername = new FailureLimiter(usernameRule, now);
  const byAddress = new FailureLimiter(addressRule, now);
  const queue = new KeyedQueue();
  // Unknown usernames still pay for one scrypt, so timing does not reveal which usernames exist.
  let decoyHash: Promise<string> | undefined;

  function refuseWhileLocked(...retryAfterMs: number[]): void {
    const wait = Math.max(...retryAfterMs);
    if (wait > 0) throw tooManyRequests(Math.ceil(wait / 1000));
  }

  return {
    withPassword(username: string, password: string, address: string): Promise<Tokens> {
      const key = username.trim().toLowerCase();
      return queue.run(`address ${address}`, () =>
        queue.run(`user ${key}`, async () => {
          refuseWhileLocked(byAddress.retryAfterMs(address), byUsername.retryAfterMs(key));
          const user = store.findUserByUsername(username);
          const hash = user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy password")));
          const valid = await verifyPassword(password, hash);
          if (!user || !valid) {
            byUsername.recordFailure(key);
            byAddress.recordFailure(address);
            throw unauthorized("The username or password is wrong.");
          }
          byUsername.reset(key);
          const refresh = await tokens.issueRefreshToken(user.id);
          return {
            auth_token: await tokens.issueAuthToken(user.id, refresh.sessionId),
            refresh_token: refresh.token,
          };
        }),
      );
    },

    async withRefreshToken(token: string, address: string): Promise<{ auth_token: string }> {
      refuseWhileLocked(byAddress.retryAfterMs(address));
      const claims = await tokens.verify(token, "refresh");
      const live =
        claims && !store.isRefreshTokenRevoked(claims.sessionId) && store.findUserById(claims.userId);
      if (!claims || !live) {
        byAddress.recordFailure(address);
        throw unauthorized("The refresh token is invalid, expired or signed out; sign in again.");
      }
      return { auth_token: await tokens.issueAuthToken(claims.userId, claims.sessionId) };
    },

    async signOut(token: string): Promise<void> {
      const claims = await tokens.verify(token, "refresh");
      if (!claims) throw unauthorized("The refresh token is invalid or already expired.");
      store.revokeRefreshToken(claims.sessionId, claims.expiresAtMs);
    },
  };
}
