import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { EventReader } from "./event-reader";
import type { ReadMethod, ReadReply, ReadRequest } from "./read-messages";

type Answer<M extends ReadMethod> = ReturnType<EventReader[M]>;
export type RunOptions = {
  /** A call whose signal aborts before a thread takes it is not run. */
  signal?: AbortSignal | undefined;
  /** The thread that must run it (an export's chunks go to the thread that holds the export). */
  thread?: number | undefined;
};

/** Where the store's long reads run: a reader on threads of their own, or the one given. */
export type Reads = {
  /** Runs a reader call; answers its value and the thread that ran it. */
  run<M extends ReadMethod>(
    method: M,
    args: Parameters<EventReader[M]>,
    options?: RunOptions,
  ): Promise<{ value: Answer<M>; thread: number }>;
  /** Runs `forget` on every reader. */
  forget(): Promise<void>;
  close(): Promise<void>;
};

/** Reads on the caller's thread, on `reader` (an in-memory store has only the one connection). */
export function readsInPlace(reader: EventReader): Reads {
  return {
    run: async (method, args, { signal } = {}) => {
      await Promise.resolve();
      signal?.throwIfAborted();
      const value = (reader[method] as (...args: unknown[]) => unknown)(...args);
      return { value: value as Answer<typeof method>, thread: 0 };
    },
    forget: () => {
      reader.forget();
      return Promise.resolve();
    },
    close: () => {
      reader.close();
      return Promise.resolve();
    },
  };
}

type Job = {
  method: ReadMethod;
  args: unknown[];
  signal: AbortSignal | undefined;
  resolve: (answer: { value: unknown; thread: number }) => void;
  reject: (error: unknown) => void;
};

type Thread = {
  number: number;
  worker: Worker;
  running: Job | undefined;
  own: Job[];
  /** Whether the last call it ran was its own (an export's chunk): the next one comes from the queue first. */
  ranOwn: boolean;
};

/**
 * Up to `size` threads, each with its own read-only connections to `file`, started as reads queue up: a
 * long read keeps one thread busy while the event loop (and the writes on it) goes on. A thread runs one
 * call at a time; calls wait in one queue, in order, for the first free thread, except an export's chunks,
 * which wait for the thread that holds the export.
 */
export function readThreads(file: string, size: number): Reads {
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let lastThread = 0;
  let closing = false;

  const start = (): Thread => {
    const thread: Thread = {
      number: ++lastThread,
      worker: startWorker(file),
      running: undefined,
      own: [],
      ranOwn: false,
    };
    thread.worker.unref();
    thread.worker.on("message", (reply: ReadReply) => {
      const job = thread.running;
      thread.running = undefined;
      thread.worker.unref();
      if (reply.ok) job?.resolve({ value: reply.value, thread: thread.number });
      else job?.reject(readError(reply.error));
      dispatch();
    });
    thread.worker.on("error", (error) => {
      thread.running?.reject(error);
      thread.running = undefined;
    });
    thread.worker.on("exit", () => {
      threads.splice(threads.indexOf(thread), 1);
      const lost = new Error("The read thread that held this read ended.");
      for (const job of [thread.running, ...thread.own]) job?.reject(lost);
      dispatch();
    });
    threads.push(thread);
    return thread;
  };

  const send = (thread: Thread, job: Job) => {
    thread.running = job;
    thread.worker.ref();
    const request: ReadRequest = { method: job.method, args: job.args };
    thread.worker.postMessage(request);
  };

  /** Skips calls whose caller has gone; answers the next one worth running. */
  const next = (jobs: Job[]): Job | undefined => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      if (!job.signal?.aborted) return job;
      job.reject(job.signal.reason);
    }
    return undefined;
  };

  function dispatch() {
    for (const thread of threads) {
      if (thread.running) continue;
      // Taking turns: an export pulling chunks as fast as its client reads never holds a list back by more
      // than one chunk, and a stream of lists never starves the export.
      const fromOwn = thread.ranOwn ? undefined : next(thread.own);
      const fromQueue = fromOwn ? undefined : next(queue);
      const job = fromOwn ?? fromQueue ?? next(thread.own);
      if (!job) continue;
      thread.ranOwn = job !== fromQueue;
      send(thread, job);
    }
    while (queue.length > 0 && threads.length < size && !closing) {
      const job = next(queue);
      if (job) send(start(), job);
    }
  }

  return {
    run: (method, args, { signal, thread } = {}) =>
      new Promise((resolve, reject) => {
        if (closing) throw new Error("The store is closed.");
        const job: Job = { method, args, signal, resolve: resolve as Job["resolve"], reject };
        if (thread === undefined) queue.push(job);
        else {
          const holder = threads.find(({ number }) => number === thread);
          if (!holder) throw new Error("The read thread that held this read ended.");
          holder.own.push(job);
        }
        dispatch();
      }),
    forget: async () => {
      await Promise.all(threads.map(({ number }) => run(number, "forget")));
    },
    close: async () => {
      closing = true;
      for (const job of queue.splice(0)) job.reject(new Error("The store is closed."));
      await Promise.all(
        threads.map(async (thread) => {
          const exited = new Promise((resolve) => thread.worker.once("exit", resolve));
          await run(thread.number, "close").catch(() => undefined);
          await exited;
        }),
      );
    },
  };

  function run(thread: number, method: "forget" | "close"): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const holder = threads.find(({ number }) => number === thread);
      if (!holder) {
        resolve(undefined);
        return;
      }
      holder.own.push({ method, args: [], signal: undefined, resolve, reject });
      dispatch();
    });
  }
}

/**
 * The worker runs the bundled read-worker.js beside the built server; from the TypeScript sources (tsx, the
 * tests) it first registers tsx so it can load read-worker.ts.
 */
function startWorker(file: string): Worker {
  const workerData = { file };
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./read-worker.js", import.meta.url), { workerData });
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./read-worker.ts", import.meta.url).href;
  const load = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(load, { eval: true, workerData });
}

/** The thread's error as the main thread would have had it: SQLite's errors keep their code. */
function readError({ name, message, code }: { name: string; message: string; code?: string }): Error {
  if (code?.startsWith("SQLITE_")) return new Database.SqliteError(message, code);
  const error = new Error(message);
  error.name = name;
  return error;
}
