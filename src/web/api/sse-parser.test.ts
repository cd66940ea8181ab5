import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSseParser, type SseMessage } from "./sse-parser";

function parse(chunks: readonly string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

const stream =
  ': keep-alive\n\nid: 7\nevent: event\ndata: {"id":7}\n\nid: 8\r\nevent: event\r\ndata: a\r\ndata:b\r\n\r\n' +
  "data: no id given\rdata: second line\r\r";

const expected: SseMessage[] = [
  { id: "7", event: "event", data: '{"id":7}' },
  { id: "8", event: "event", data: "a\nb" },
  { id: "8", event: "message", data: "no id given\nsecond line" },
];

describe("createSseParser", () => {
  it("reads ids, event names, multi-line data and every line ending; comments dispatch nothing", () => {
    expect(parse([stream])).toEqual(expected);
  });

  it("gives the same messages however the text is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
        const chunks = at.slice(1).map((end, i) => stream.slice(at[i], end));
        expect(parse(chunks)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a CRLF whole across chunks, empty chunks between its halves too", () => {
    expect(parse(["data: a\r", "", "\ndata: b\r\n\r\n"])).toEqual([
      { id: undefined, event: "message", data: "a\nb" },
    ]);
  });

  it("keeps a message without its blank line until the blank line comes", () => {
    expect(parse(["id: 1\ndata: x\n"])).toEqual([]);
    expect(parse(["id: 1\ndata: x\n", "\n"])).toEqual([{ id: "1", event: "message", data: "x" }]);
  });
});
