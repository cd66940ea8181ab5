import { request, type IncomingMessage } from "node:http";
import type { EventExport, EventStore } from "../store/event-store";
import { csvRecords } from "../store/test-fixture";
import type { TestServer } from "./server-fixture";

/** What the store has handed one export so far (rows), and how it ended. */
export type ExportProgress = { total: number; yielded: number; returned: boolean; done: boolean };

/** Records every export the store starts from now on (the store still does all the work). */
export function watchExports(store: EventStore): ExportProgress[] {
  const seen: ExportProgress[] = [];
  const exportEvents = store.exportEvents.bind(store);
  store.exportEvents = async (...args) => {
    const { total, csv } = await exportEvents(...args);
    const progress: ExportProgress = { total, yielded: 0, returned: false, done: false };
    seen.push(progress);
    const tracked: EventExport["csv"] = {
      next: async () => {
        const next = await csv.next();
        if (next.done === true) progress.done = true;
        else progress.yielded += csvRecords(new TextDecoder().decode(next.value)).length;
        return next;
      },
      return: async () => {
        progress.returned = true;
        return (await csv.return?.()) ?? { done: true, value: undefined };
      },
    };
    return { total, csv: tracked };
  };
  return seen;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("timed out waiting for the server");
    await pause(20);
  }
}

/** Waits until the store has handed the export no row for `quietMs`: the server waits for the client. */
export async function untilStalled(progress: ExportProgress, quietMs = 300): Promise<void> {
  for (let last = -1; progress.yielded !== last && !progress.done;) {
    last = progress.yielded;
    await pause(quietMs);
  }
}

/** A CSV export over its own socket that reads only when told to. */
export type ControlledExport = {
  total: number;
  received: () => number;
  /** Reads at least `bytes` more (or to the end), then stops reading again. */
  read: (bytes: number) => Promise<void>;
  /** Reads the rest: the whole body, or the error that ended it. */
  finish: () => Promise<{ text: string } | { error: Error }>;
  /** Settles when the connection closes, with what ended it. */
  closed: Promise<{ complete: boolean }>;
  destroy: () => void;
};

export async function openExport(
  server: TestServer,
  token: string,
  path: string,
  query: Record<string, string> = {},
): Promise<ControlledExport> {
  const search = new URLSearchParams(query).toString();
  const url = `${server.origin}/api/v1${path}${search === "" ? "" : `?${search}`}`;
  const req = request(url, { headers: { authorization: `Bearer ${token}`, accept: "text/csv" } });
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
  if (res.statusCode !== 200) throw new Error(`the export answered ${String(res.statusCode)}`);
  res.pause();
  const chunks: Buffer[] = [];
  let received = 0;
  let wanted = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  res.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
    if (received >= wanted) {
      res.pause();
      wake?.();
    }
  });
  res.on("error", (error) => {
    failure = error;
    wake?.();
  });
  const ended = new Promise<void>((resolve) => res.on("end", resolve));
  const closed = new Promise<{ complete: boolean }>((resolve) => {
    res.on("close", () => {
      wake?.();
      resolve({ complete: res.complete });
    });
  });
  return {
    total: Number(res.headers["x-total-count"]),
    received: () => received,
    read: (bytes) =>
      new Promise<void>((resolve) => {
        wanted = received + bytes;
        wake = resolve;
        void ended.then(resolve);
        res.resume();
      }),
    finish: async () => {
      wanted = Infinity;
      res.resume();
      await Promise.race([ended, closed]);
      if (failure || !res.complete) return { error: failure ?? new Error("the export was cut off") };
      return { text: Buffer.concat(chunks).toString("utf8") };
    },
    closed,
    destroy: () => {
      req.destroy();
    },
  };
}
