/**
 * Follows a CSV byte stream and remembers the first cell of every record after the header (the event
 * id) as a count and an order-sensitive hash, so two exports can be compared without holding them.
 * Records are taken to be one line each, which holds for the demo data's plain-ASCII descriptions.
 */
export class IdDigest {
  rows = 0;
  bytes = 0;
  hash = 0;
  private lineStart = true;
  private headerSeen = false;
  private id = 0;

  update(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    let i = 0;
    while (i < chunk.length) {
      if (this.lineStart) {
        const byte = chunk[i] as number;
        if (byte >= 48 && byte <= 57) {
          this.id = this.id * 10 + (byte - 48);
          i++;
          continue;
        }
        if (byte === 34) {
          i++;
          continue;
        }
        this.endId();
      }
      const newline = chunk.indexOf(10, i);
      if (newline < 0) return;
      i = newline + 1;
      this.lineStart = true;
    }
  }

  private endId(): void {
    this.lineStart = false;
    if (!this.headerSeen) {
      this.headerSeen = true;
    } else {
      this.rows++;
      this.hash = (Math.imul(this.hash, 31) + this.id) >>> 0;
    }
    this.id = 0;
  }
}
