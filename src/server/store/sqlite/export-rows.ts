import type { CsvValue } from "../../../contract/csv";
import { exportColumnCount } from "./event-projection";
import type { ReadChunk } from "./export-chunks";
import { isoTimestamp } from "../iso-timestamp";

/**
 * The export's rows one at a time, chunk by chunk, with the sort keys cut off and the timestamp written as
 * in JSON. `return()` ends the export: no further chunk is read.
 */
export class ExportRows implements IterableIterator<CsvValue[]> {
  private chunk: unknown[][] = [];
  private at = 0;
  private readChunk: ReadChunk | undefined;

  constructor(
    readChunk: ReadChunk,
    private readonly streaming: Set<ExportRows>,
  ) {
    this.readChunk = readChunk;
    streaming.add(this);
  }

  next(): IteratorResult<CsvValue[]> {
    if (this.at === this.chunk.length) {
      if (!this.readChunk) return this.return();
      try {
        this.chunk = this.readChunk();
      } catch (error) {
        this.return();
        throw error;
      }
      this.at = 0;
      if (this.chunk.length === 0) return this.return();
    }
    const row = this.chunk[this.at++] as CsvValue[];
    row.length = exportColumnCount;
    row[1] = isoTimestamp(row[1] as number);
    return { done: false, value: row };
  }

  return(): IteratorResult<CsvValue[]> {
    this.streaming.delete(this);
    this.readChunk = undefined;
    this.chunk = [];
    this.at = 0;
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): IterableIterator<CsvValue[]> {
    return this;
  }
}
