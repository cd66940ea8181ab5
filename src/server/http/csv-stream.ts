import { csvLine, type CsvValue } from "../../contract/csv";

/** Characters per chunk: big enough to keep syscalls few, small enough to keep memory flat. */
const chunkChars = 64 * 1024;

/**
 * A byte stream of `head` then one CSV line per row. The rows are opened on the first read and pulled only
 * as fast as the client reads (highWaterMark 0); a client that goes away cancels the stream, which ends the
 * store's query through `return()`.
 */
export function csvStream(
  head: string,
  openRows: () => Iterator<CsvValue[]>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let rows: Iterator<CsvValue[]> | undefined;
  let pending = head;
  const stop = () => {
    rows?.return?.();
    rows = undefined;
  };
  signal.addEventListener("abort", stop, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (signal.aborted) {
          controller.close();
          return;
        }
        let chunk = pending;
        pending = "";
        try {
          rows ??= openRows();
          while (chunk.length < chunkChars) {
            const next = rows.next();
            if (next.done === true) {
              if (chunk !== "") controller.enqueue(encoder.encode(chunk));
              controller.close();
              signal.removeEventListener("abort", stop);
              rows = undefined;
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
        controller.enqueue(encoder.encode(chunk));
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
}
