import { eventSchema, type Event } from "../../contract/event";
import type { TestServer } from "./server-fixture";

/** One server-sent message: an event's fields, or a comment line. */
export type SseMessage = { id?: string; event?: string; data?: string; comment?: string };

export type LiveStream = {
  status: number;
  headers: Headers;
  /** The body, when the answer is not a stream (an error). */
  text: string;
  /** The next message, or undefined once the stream has ended; rejects after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<SseMessage | undefined>;
  /** The next `count` events (comments skipped), checked against the contract's event schema. */
  events(count: number, timeoutMs?: number): Promise<{ id: string; event: Event }[]>;
  /** Resolves once the server has ended the stream, skipping any messages; rejects after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<void>;
  /** Goes away, as a client closing the page. */
  abort(): void;
};

export type StreamRequest = {
  token: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
};

const streamPath = (orgId: number | string) => `/api/v1/orgs/${String(orgId)}/events/stream`;

/** Opens `GET /orgs/{org_id}/events/stream` and reads its body as server-sent events. */
export async function openStream(
  server: TestServer,
  orgId: number | string,
  { token, query = {}, headers = {} }: StreamRequest,
): Promise<LiveStream> {
  const controller = new AbortController();
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${server.origin}${streamPath(orgId)}${search ? `?${search}` : ""}`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, ...headers },
    signal: controller.signal,
  });
  const isStream = response.status === 200 && response.body !== null;
  const text = isStream ? "" : await response.text();
  const reader = isStream ? response.body.getReader() : undefined;
  const decoder = new TextDecoder();
  const queued: SseMessage[] = [];
  let buffer = "";
  let done = !isStream;
  let pending: Promise<void> | undefined;

  const readMore = async () => {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) {
      done = true;
      return;
    }
    buffer += decoder.decode(chunk.value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      queued.push(parseBlock(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
    }
  };

  async function next(timeoutMs = 5000): Promise<SseMessage | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (queued.length === 0 && !done) {
      pending ??= readMore().finally(() => (pending = undefined));
      const left = deadline - performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">(
        (resolve) =>
          (timer = setTimeout(() => {
            resolve("timeout");
          }, left)),
      );
      const outcome = await Promise.race([pending, timedOut]);
      clearTimeout(timer);
      if (outcome === "timeout") throw new Error(`no message within ${String(timeoutMs)} ms`);
    }
    return queued.shift();
  }

  return {
    status: response.status,
    headers: response.headers,
    text,
    next,
    async events(count, timeoutMs = 5000) {
      const found: { id: string; event: Event }[] = [];
      while (found.length < count) {
        const message = await next(timeoutMs);
        if (message === undefined) throw new Error(`the stream ended after ${String(found.length)} events`);
        if (message.comment !== undefined) continue;
        if (message.event !== "event" || message.id === undefined || message.data === undefined) {
          throw new Error(`not an event message: ${JSON.stringify(message)}`);
        }
        found.push({ id: message.id, event: eventSchema.parse(JSON.parse(message.data)) });
      }
      return found;
    },
    async ended(timeoutMs = 5000) {
      while ((await next(timeoutMs)) !== undefined);
    },
    abort() {
      controller.abort();
    },
  };
}

function parseBlock(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) {
      message.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(":");
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, "");
    if (field === "id" || field === "event" || field === "data") message[field] = value;
  }
  return message;
}
