import type { EventReader } from "./event-reader";

export type ReadMethod = keyof EventReader;

/** What the main thread asks a read thread: one reader call (a thread has one at a time). */
export type ReadRequest = { method: ReadMethod; args: unknown[] };

/** A read thread's answer; a failure keeps what the main thread needs to tell the error (SQLite's code). */
export type ReadReply =
  { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; code?: string } };
