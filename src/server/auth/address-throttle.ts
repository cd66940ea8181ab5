import { tooManyRequests } from "../http/api-error";

export type ThrottleRule = {
  /** Failures from one address within `windowMs` before its unknown usernames are slowed. */
  freeFailures: number;
  windowMs: number;
  /** Slowed attempts from one address start at most one per this many milliseconds. */
  intervalMs: number;
  /** Slowed attempts that may wait at once; one more answers 429. */
  maxWaiting: number;
  /** How long a username that signed in from an address skips that address's line. */
  trustMs: number;
};

type Line = { tail: Promise<void>; waiting: number };

/** Addresses and address-username pairs remembered at most; past that the oldest are forgotten. */
const maxKeys = 10_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Slows password guessing from one client address without locking anyone out. Once an address has failed
 * `freeFailures` times within the window, attempts from it for usernames that have not signed in from it
 * lately wait in a line that lets one through per interval, so a guesser gets one try a second however many
 * requests it sends in parallel. A person who signed in from that address before never waits; a new one waits
 * a few seconds at most, or is told (429) how long to wait when the line is full.
 */
export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly trusted = new Map<string, number>();
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number,
  ) {}

  /** Resolves when an attempt for `username` from `address` may go ahead; rejects with 429 when the line is full. */
  async admit(address: string, username: string): Promise<void> {
    if (!this.slowed(address) || this.isTrusted(address, username)) return;
    const line = this.lines.get(address) ?? { tail: Promise.resolve(), waiting: 0 };
    if (line.waiting >= this.rule.maxWaiting) {
      throw tooManyRequests(Math.ceil((line.waiting * this.rule.intervalMs) / 1000));
    }
    line.waiting++;
    line.tail = line.tail.then(() => sleep(this.rule.intervalMs));
    this.lines.set(address, line);
    const turn = line.tail;
    await turn;
    line.waiting--;
    if (line.waiting === 0 && line.tail === turn) this.lines.delete(address);
  }

  recordFailure(address: string): void {
    const since = this.now() - this.rule.windowMs;
    const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
    recent.push(this.now());
    // Only whether the address passed `freeFailures` matters: older entries beyond that are dropped.
    if (recent.length > this.rule.freeFailures) recent.shift();
    this.remember(this.failures, address, recent);
  }

  recordSuccess(address: string, username: string): void {
    this.remember(this.trusted, pairKey(address, username), this.now());
  }

  private slowed(address: string): boolean {
    const since = this.now() - this.rule.windowMs;
    const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
    return recent.length >= this.rule.freeFailures;
  }

  private isTrusted(address: string, username: string): boolean {
    const at = this.trusted.get(pairKey(address, username));
    return at !== undefined && at > this.now() - this.rule.trustMs;
  }

  /** Most recently touched last; past `maxKeys` the least recently touched key goes. */
  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > maxKeys) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }
}

const pairKey = (address: string, username: string) => `${address} ${username}`;
