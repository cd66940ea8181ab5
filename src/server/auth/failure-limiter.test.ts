import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./failure-limiter";

const minute = 60_000;

function limiter() {
  let now = 1_000_000;
  const limits = new FailureLimiter({ maxFailures: 3, windowMs: 5 * minute }, () => now);
  return { limits, advance: (ms: number) => (now += ms) };
}

describe("FailureLimiter", () => {
  it("locks a key at the last allowed failure, for a whole window from that failure", () => {
    const { limits, advance } = limiter();
    limits.recordFailure("ada");
    limits.recordFailure("ada");
    expect(limits.retryAfterMs("ada")).toBe(0);
    advance(minute);
    limits.recordFailure("ada");
    expect(limits.retryAfterMs("ada")).toBe(5 * minute);
    advance(4 * minute);
    expect(limits.retryAfterMs("ada")).toBe(minute);
    advance(minute);
    expect(limits.retryAfterMs("ada")).toBe(0);
  });

  it("forgets failures older than the window", () => {
    const { limits, advance } = limiter();
    limits.recordFailure("ada");
    limits.recordFailure("ada");
    advance(5 * minute + 1);
    limits.recordFailure("ada");
    expect(limits.retryAfterMs("ada")).toBe(0);
  });

  it("reset clears the count, and keys are independent", () => {
    const { limits } = limiter();
    limits.recordFailure("ada");
    limits.recordFailure("ada");
    limits.reset("ada");
    limits.recordFailure("ada");
    limits.recordFailure("ada");
    expect(limits.retryAfterMs("ada")).toBe(0);
    for (let i = 0; i < 3; i++) limits.recordFailure("bob");
    expect(limits.retryAfterMs("bob")).toBeGreaterThan(0);
    expect(limits.retryAfterMs("ada")).toBe(0);
  });

  it("stays bounded under a flood of distinct keys, keeping the live locks", () => {
    const { limits } = limiter();
    for (let i = 0; i < 3; i++) limits.recordFailure("locked");
    for (let i = 0; i < 12_000; i++) limits.recordFailure(`user${i}`);
    expect(limits.retryAfterMs("locked")).toBeGreaterThan(0);
  });
});
