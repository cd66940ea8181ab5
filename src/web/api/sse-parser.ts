/** One message of a `text/event-stream`, as the HTML standard's parser dispatches it. */
export type SseMessage = { id: string | undefined; event: string; data: string };

/**
 * A `text/event-stream` parser fed with decoded text in chunks of any size: lines end in CRLF, LF or CR; `:`
 * starts a comment; `data` lines join with LF; a blank line dispatches (nothing when no data came); `id` is
 * remembered for the messages after it, as `Last-Event-ID` is.
 */
export function createSseParser(onMessage: (message: SseMessage) => void) {
  let buffer = "";
  let pendingCr = false;
  let data: string[] = [];
  let event = "";
  let lastId: string | undefined;

  function line(text: string) {
    if (text === "") {
      if (data.length > 0) onMessage({ id: lastId, event: event || "message", data: data.join("\n") });
      data = [];
      event = "";
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) lastId = value;
  }

  return {
    push(chunk: string) {
      if (chunk === "") return;
      let text = chunk;
      if (pendingCr && text.startsWith("\n")) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== "\n" && char !== "\r") continue;
        line(buffer.slice(start, i));
        if (char === "\r") {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === "\n") i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
