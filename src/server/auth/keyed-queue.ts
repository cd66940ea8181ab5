/**
 * Runs tasks one at a time per key. Sign-in checks a lock, verifies a password (slow, asynchronous) and
 * records the outcome; doing that in turn per username and per address stops a burst of parallel guesses
 * from slipping past the failure count.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
