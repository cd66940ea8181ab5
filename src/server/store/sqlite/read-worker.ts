import { parentPort, workerData } from "node:worker_threads";
import { fileReader, type EventReader } from "./event-reader";
import type { ReadReply, ReadRequest } from "./read-messages";

/** A read thread: answers the reads the main thread sends, one at a time, on connections of its own. */
const port = parentPort;
if (!port) throw new Error("read-worker.ts runs as a worker thread");
const { file } = workerData as { file: string };
const reader: EventReader = fileReader(file);

port.on("message", ({ method, args }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const value: unknown = (reader[method] as (...args: unknown[]) => unknown)(...args);
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, error: errorFields(error) };
  }
  // An export's chunk moves to the main thread rather than being copied.
  const moved = reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : [];
  port.postMessage(reply, moved);
  if (method === "close") port.close();
});

function errorFields(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code: unknown = Reflect.get(error, "code");
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}
