import { afterEach, expect, it, vi } from "vitest";
import { csvHeader } from "../../contract/csv";
import type { EventExport } from "../store/event-store";
import { csvStream } from "./csv-stream";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` chunks of 64 rows of about 1 KB, each read from the store as asked, and whether they were ended early. */
function chunks(count: number) {
  const state = { taken: 0, returned: false };
  const encoder = new TextEncoder();
  const iterator: EventExport["csv"] = {
    next: async () => {
      await pause(1);
      if (state.taken >= count) return { done: true, value: undefined };
      state.taken++;
      return {
        done: false,
        value: encoder.encode(`${String(state.taken)},${"x".repeat(1000)}\r\n`.repeat(64)),
      };
    },
    return: () => {
      state.returned = true;
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return { iterator, state };
}

function open(count: number, closeConnection?: () => void) {
  const source = chunks(count);
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
  const { reader, state } = open(7, () => closed.push("closed"));
  const started = performance.now();
  let read = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    read++;
    await pause(100);
  }
  expect(performance.now() - started).toBeGreaterThan(500);
  expect(read).toBe(8);
  expect(state).toEqual({ taken: 7, returned: false });
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
  expect(state.taken).toBeLessThan(3);
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

it("errors the stream when the store fails mid-export, so the file is visibly cut short", async () => {
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const failing: EventExport["csv"] = {
    next: () => Promise.reject(new Error("the read thread ended")),
  };
  const reader = csvStream(csvHeader, failing, {
    signal: new AbortController().signal,
    sendTimeoutMs: 300,
    closeConnection: undefined,
    label: "GET /test",
  }).getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe(csvHeader);
  await expect(reader.read()).rejects.toThrow("the read thread ended");
  expect(error).toHaveBeenCalledTimes(1);
  error.mockRestore();
});
