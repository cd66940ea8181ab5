import { clearTimeout, setTimeout } from "node:timers";
import type { EventExport } from "../store/event-store";

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
 * A byte stream of `head` then the export's CSV, each chunk read from the store only once the client has
 * taken the last (highWaterMark 0). A client that goes away cancels the stream, and one that takes nothing
 * for `sendTimeoutMs` has it errored and its connection closed; either way the export ends through
 * `return()`. A store that fails mid-export errors the stream, so the client sees a cut transfer rather
 * than a file that looks complete.
 */
export function csvStream(
  head: string,
  csv: EventExport["csv"],
  { signal, sendTimeoutMs, closeConnection, label }: CsvStreamOptions,
): ReadableStream<Uint8Array> {
  let open: EventExport["csv"] | undefined = csv;
  let headBytes: Uint8Array | undefined = new TextEncoder().encode(head);
  let sentBytes = 0;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(waiting);
    void open?.return?.();
    open = undefined;
  };
  signal.addEventListener("abort", stop, { once: true });

  const send = (controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) => {
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
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(waiting);
        if (headBytes) {
          send(controller, headBytes);
          headBytes = undefined;
          return;
        }
        const reading = open;
        if (signal.aborted || !reading) {
          stop();
          controller.close();
          return;
        }
        let next: IteratorResult<Uint8Array, undefined>;
        try {
          next = await reading.next();
        } catch (error) {
          stop();
          console.error("[eventdesk] CSV export failed mid-stream:", error);
          controller.error(error);
          return;
        }
        if (open !== reading) return;
        if (next.done === true) {
          signal.removeEventListener("abort", stop);
          open = undefined;
          controller.close();
          return;
        }
        send(controller, next.value);
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
}
