import { clearTimeout, setTimeout } from "node:timers";
import { csvLine, type CsvValue } from "../../contract/csv";

/** Characters per chunk: big enough to keep syscalls few, small enough to keep memory flat. */
const chunkChars = 64 * 1024;

export type CsvStreamOptions = {
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  /** How long a chunk may wait for the client to take it before the export is given up. */
  sendTimeoutMs: number;
  /**
   * Closes the connection under a stream given up (its transport then cancels the stream), where there is
   * one: the server writes the next chunk only once the client has taken the last, so an errored stream
   * alone would wait for a client that never reads. Without one, the stream errors.
   */
  closeConnection: (() => void) | undefined;
  /** Names the export in the log. */
  label: string;
};

/**
 * A byte stream of `head` then one CSV line per row, pulled only as fast as the client reads (highWaterMark
 * 0). A client that goes away cancels the stream, and one that takes nothing for `sendTimeoutMs` has it
 * errored and its connection closed; either way the rows end through `return()`.
 */
export function csvStream(
  head: string,
  rows: Iterator<CsvValue[]>,
  { signal, sendTimeoutMs, closeConnection, label }: CsvStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let open: Iterator<CsvValue[]> | undefined = rows;
  let pending = head;
  let sentBytes = 0;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(waiting);
    open?.return?.();
    open = undefined;
  };
  signal.addEventListener("abort", stop, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        clearTimeout(waiting);
        if (signal.aborted || !open) {
          stop();
          controller.close();
          return;
        }
        let chunk = pending;
        pending = "";
        try {
          while (chunk.length < chunkChars) {
            const next = open.next();
            if (next.done === true) {
              if (chunk !== "") controller.enqueue(encoder.encode(chunk));
              controller.close();
              signal.removeEventListener("abort", stop);
              open = undefined;
              return;
            }
            chunk += csvLine(next.value);
          }
        } catch (error) {
          stop();
          console.error("[eventdesk] CSV export failed mid-stream:", error);
          controller.error(error);
          return;
        }
        const bytes = encoder.encode(chunk);
        controller.enqueue(bytes);
        sentBytes += bytes.byteLength;
        waiting = setTimeout(() => {
          stop();
          const seconds = String(sendTimeoutMs / 1000);
          console.warn(
            `[eventdesk] CSV export ${label} ended: the client took nothing for ${seconds} s (${String(sentBytes)} bytes sent).`,
          );
          if (closeConnection) closeConnection();
          else controller.error(new Error(`The client took nothing for ${seconds} s.`));
        }, sendTimeoutMs);
        waiting.unref();
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
}
