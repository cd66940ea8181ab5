import { apiPaths, type ContainerEventView } from "../../contract/api-paths";
import { eventSchema, type Event } from "../../contract/event";
import { ApiError } from "./api-error";
import { send } from "./request";
import { createSseParser } from "./sse-parser";

export type EventStreamOptions = {
  orgId: number;
  view: "all" | ContainerEventView;
  q: string | undefined;
  /** Resume after this event: every matching event with a larger id comes first. */
  lastEventId: string | undefined;
  signal: AbortSignal;
  onOpen: () => void;
  onEvent: (event: Event) => void;
};

/**
 * Follows the contract's live stream (`…/events/stream`) until the server ends it (it does when the token
 * expires: call again with the last id) or `signal` aborts. An error answer (400, 404, 429, …) is thrown as
 * an `ApiError` before any event; an event that breaks the contract ends the stream with a `schema` error.
 */
export async function followEventStream(options: EventStreamOptions): Promise<void> {
  const { orgId, view, q, lastEventId, signal } = options;
  const response = await send(apiPaths.orgEventStream(orgId), {
    search: { view, q },
    accept: "text/event-stream",
    headers: lastEventId === undefined ? undefined : { "Last-Event-ID": lastEventId },
    signal,
  });
  const body = response.body;
  if (!body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    throw new ApiError({ kind: "schema", message: "The server's live stream is not an event stream." });
  }
  options.onOpen();
  let broken: ApiError | undefined;
  const parser = createSseParser((message) => {
    if (message.event !== "event" || broken) return;
    const parsed = eventSchema.safeParse(parseJson(message.data));
    if (parsed.success) options.onEvent(parsed.data);
    else broken = new ApiError({ kind: "schema", message: "A live event does not match the API contract." });
  });
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(value);
      if (broken) throw broken;
    }
  } finally {
    // Ends the request too when the loop stopped early (a broken event, an abort).
    await reader.cancel().catch(() => undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
