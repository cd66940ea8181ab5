import type { Tokens } from "../../contract/auth";
import { tooManyRequests, unauthorized } from "../http/api-error";
import type { AccountStore } from "../store/account-store";
import { AddressThrottle } from "./address-throttle";
import { KeyedQueue } from "./keyed-queue";
import { verifyPassword } from "./password";
import type { Sessions } from "./sessions";
import type { TokenService } from "./tokens";

const fiveMinutes = 5 * 60 * 1000;
/** The contract's lock: five failures for one username within five minutes. */
export const usernameRule = { maxFailures: 5, windowMs: fiveMinutes };
export const addressRule = {
  freeFailures: 30,
  windowMs: fiveMinutes,
  intervalMs: 1000,
  maxWaiting: 5,
  trustMs: 30 * 24 * 60 * 60 * 1000,
};

export type SignIn = ReturnType<typeof createSignIn>;

/**
 * Password and refresh-token sign-in and sign-out. Failed passwords lock a username (the contract) and slow
 * down, without locking, the address they come from; a refresh token is never held back by either, since
 * nobody can guess one.
 */
export function createSignIn(
  accounts: AccountStore,
  sessions: Sessions,
  tokens: TokenService,
  now: () => number,
) {
  const byAddress = new AddressThrottle(addressRule, now);
  // One attempt at a time per username, so parallel guesses cannot slip past the failure count.
  const queue = new KeyedQueue();

  return {
    async withPassword(username: string, password: string, address: string): Promise<Tokens> {
      const key = username.trim().toLowerCase();
      await byAddress.admit(address, key);
      return queue.run(key, async () => {
        const wait = await accounts.signInRetryAfterMs(key, now());
        if (wait > 0) throw tooManyRequests(Math.ceil(wait / 1000));
        const user = await accounts.findUserByUsername(username);
        if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
          await accounts.recordSignInFailure(key, usernameRule, now());
          byAddress.recordFailure(address);
          throw unauthorized("The username or password is wrong.");
        }
        await accounts.forgetSignInFailures(key);
        byAddress.recordSuccess(address, key);
        const refresh = await tokens.issueRefreshToken(user.id);
        await sessions.start(refresh.session);
        return { auth_token: await tokens.issueAuthToken(refresh.session), refresh_token: refresh.token };
      });
    },

    async withRefreshToken(token: string): Promise<{ auth_token: string }> {
      const claims = await tokens.verify(token, "refresh");
      if (!claims || !(await sessions.isLive(claims))) {
        throw unauthorized("The refresh token is invalid, expired or signed out; sign in again.");
      }
      const session = { id: claims.sessionId, userId: claims.userId, expiresAtMs: claims.expiresAtMs };
      return { auth_token: await tokens.issueAuthToken(session) };
    },

    /** Ends the refresh token's session; signing out twice is not an error. */
    async signOut(token: string): Promise<void> {
      const claims = await tokens.verify(token, "refresh");
      if (!claims) throw unauthorized("The refresh token is invalid or already expired.");
      await sessions.end(claims.sessionId);
    },
  };
}
