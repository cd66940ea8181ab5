/**
 * A finished answer: its encoded body, the headers that belong to it (not CORS or security headers), and
 * whether it varies by Accept-Encoding (added to `Vary`, which other middleware may also have set).
 */
export type CachedAnswer = {
  body: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  variesByEncoding: boolean;
};

type Entry = CachedAnswer & { version: string; bytes: number };

/**
 * Finished event-list pages, so a view that many people (or one person paging back and forth) open is read,
 * serialised and compressed once per change of the store. The key names the caller, the exact path and query
 * and whether gzip was accepted; an entry holds only while the store's change version it was made under
 * holds, so any write, by this process or another, retires every entry. The caller's reach is fixed by the
 * store's data, so an answer made for a caller stays theirs.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, version: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version === version) return entry;
    this.remove(key, entry);
    return undefined;
  }

  /** `version` must be read before the answer was made: then a write during it retires the entry. */
  set(key: string, version: string, answer: CachedAnswer): void {
    const bytes = typeof answer.body === "string" ? Buffer.byteLength(answer.body) : answer.body.byteLength;
    if (bytes > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    // Oldest first: a Map iterates in insertion order.
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.remove(oldKey, oldEntry);
    }
    this.entries.set(key, { ...answer, version, bytes });
    this.bytes += bytes;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
