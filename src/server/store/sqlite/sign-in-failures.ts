import { FailureLimiter } from "../../auth/failure-limiter";
import type { AccountStore } from "../account-store";

type SignInFailures = Pick<
  AccountStore,
  "signInRetryAfterMs" | "recordSignInFailure" | "forgetSignInFailures"
>;

/**
 * A SQLite store serves one server process, so its sign-in failures live in that process, one limiter per
 * rule, each reading the clock of the call it serves.
 */
export function inProcessSignInFailures(): SignInFailures {
  let nowMs = 0;
  const clock = () => nowMs;
  const limiters = new Map<string, FailureLimiter>();
  return {
    signInRetryAfterMs(key, now) {
      nowMs = now;
      return Promise.resolve(
        Math.max(0, ...[...limiters.values()].map((limiter) => limiter.retryAfterMs(key))),
      );
    },
    recordSignInFailure(key, rule, now) {
      nowMs = now;
      const ruleKey = `${String(rule.maxFailures)}/${String(rule.windowMs)}`;
      let limiter = limiters.get(ruleKey);
      if (!limiter) limiters.set(ruleKey, (limiter = new FailureLimiter(rule, clock)));
      limiter.recordFailure(key);
      return Promise.resolve();
    },
    forgetSignInFailures(key) {
      for (const limiter of limiters.values()) limiter.reset(key);
      return Promise.resolve();
    },
  };
}
