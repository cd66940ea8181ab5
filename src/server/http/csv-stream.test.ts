import { afterEach, expect, it, vi } from "vitest";
import { csvHeader, type CsvValue } from "../../contract/csv";
import { csvStream } from "./csv-stream";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` rows of about 1 KB (64 to a chunk of the stream), and whether they were ended early. */
function rows(count: number) {
  const state = { taken: 0, returned: false };
  const iterator: IterableIterator<CsvValue[]> = {
    next: () =>
      state.taken < count
        ? { done: false, value: [state.taken++, "x".repeat(1000)] }
        : { done: true, value: undefined },
    return: () => {
      state.returned = true;
      return { done: true, value: undefined };
    },
    [Symbol.iterator]: () => iterator,
  };
  return { iterator, state };
}

function open(count: number, closeConnection?: () => void) {
  const source = rows(count);
  const abort = new AbortController();
  const stream = csvStream(csvHeader, source.iterator, {
    signal: abort.signal,
    sendTimeoutMs: 300,
    closeConnection,
    label: "GET /test",
  });
  return { ...source, abort, reader: stream.getReader() };
}

const warn = vi.spyOn(console, "warn");
afterEach(() => {
  warn.mockClear();
});

it("leaves alone a reader that takes every chunk within the send timeout, however long the whole takes", async () => {
  const closed: string[] = [];
  const { reader, state } = open(400, () => closed.push("closed"));
  const started = performance.now();
  let chunks = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks++;
    await pause(100);
  }
  expect(chunks).toBeGreaterThan(5);
  expect(performance.now() - started).toBeGreaterThan(500);
  expect(state).toEqual({ taken: 400, returned: false });
  expect(closed).toEqual([]);
  expect(warn).not.toHaveBeenCalled();
});

it("ends the rows and closes the connection of a reader that takes nothing for the send timeout, logging once", async () => {
  const closed: string[] = [];
  const { reader, state } = open(400, () => closed.push("closed"));
  await reader.read();
  await pause(600);
  expect(closed).toEqual(["closed"]);
  expect(state.returned).toBe(true);
  expect(state.taken).toBeLessThan(400);
  expect(warn.mock.calls).toEqual([
    [
      expect.stringMatching(
        /^\[eventdesk\] CSV export GET \/test ended: the client took nothing for 0\.3 s \(\d+ bytes sent\)\.$/,
      ),
    ],
  ]);
});

it("errors the stream where there is no connection to close (a request answered in process)", async () => {
  const { reader, state } = open(400);
  await reader.read();
  await pause(600);
  expect(state.returned).toBe(true);
  await expect(reader.read()).rejects.toThrow("The client took nothing for 0.3 s.");
});

it("ends the rows when the client goes away, and waits no timeout for it", async () => {
  const { reader, state, abort } = open(400, () => undefined);
  await reader.read();
  abort.abort();
  expect(state.returned).toBe(true);
  await pause(600);
  expect(warn).not.toHaveBeenCalled();
  await reader.cancel();
});
