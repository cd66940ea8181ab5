import type { FailureRule } from "../store/account-store";

type Entry = { failures: number[]; lockedUntil: number };

/** Keys remembered at most; a sweep brings the map back to 90% of this, so sweeps stay rare. */
const maxKeys = 10_000;

/**
 * Counts failures per key (a username, a client address). `maxFailures` within `windowMs` lock the key for
 * `windowMs` from the failure that locked it; a success before that forgets the key's failures.
 */
export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly rule: FailureRule,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again; 0 when it is not locked. */
  retryAfterMs(key: string): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  recordFailure(key: string): void {
    const now = this.now();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((at) => at > now - this.rule.windowMs);
    entry.failures.push(now);
    if (entry.failures.length >= this.rule.maxFailures) {
      entry.lockedUntil = now + this.rule.windowMs;
      entry.failures = [];
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > maxKeys) this.sweep(now);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Drops keys with nothing left to remember, then, if a flood of made-up names still fills the map, the
   * oldest keys that are not locked, so memory stays bounded and live locks survive.
   */
  private sweep(now: number): void {
    const target = Math.floor(maxKeys * 0.9);
    for (const [key, entry] of this.entries) {
      const recent = entry.failures.some((at) => at > now - this.rule.windowMs);
      if (!recent && entry.lockedUntil <= now) this.entries.delete(key);
    }
    for (const lockedToo of [false, true]) {
      for (const [key, entry] of this.entries) {
        if (this.entries.size <= target) return;
        if (lockedToo || entry.lockedUntil <= now) this.entries.delete(key);
      }
    }
  }
}
