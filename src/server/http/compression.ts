import { constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

const threshold = 1024;

/** `gzip` (or `*`) listed with a non-zero quality. */
export const acceptsGzip = (header: string | undefined) =>
  (header ?? "").split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });

/** Streams whose chunks must reach the client as they are made. */
const streamedTypes = ["text/csv", "text/event-stream"];

/**
 * Gzip for JSON over 1 KB and for the dashboard's text assets. CSV exports and live event streams are left
 * alone: an export streams with back-pressure and reports progress by bytes, an event must arrive at once,
 * and gzip would hold chunks back.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({
    encoding: "gzip",
    threshold,
    contentTypeFilter: (type) =>
      !streamedTypes.some((streamed) => type.startsWith(streamed)) &&
      COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type),
  });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      await finishJson(c);
    });
}

/** A JSON text ready to send: the bytes and the headers that describe them. */
export type EncodedJson = {
  body: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  variesByEncoding: boolean;
};

/** JSON sent as it is, with its Content-Length. */
const plainJson = (text: string, variesByEncoding: boolean): EncodedJson => ({
  body: text,
  headers: { "Content-Length": String(Buffer.byteLength(text)) },
  variesByEncoding,
});

/**
 * JSON of 1 KB or more is compressed in one synchronous call at level 1 (a page of 50 events: about 0.1 ms,
 * against several times that through a CompressionStream) when the client accepts gzip; smaller JSON goes as
 * it is. Either way the answer gets its Content-Length.
 */
export function encodeJson(text: string, gzip: boolean): EncodedJson {
  if (Buffer.byteLength(text) < threshold) return plainJson(text, false);
  if (!gzip) return plainJson(text, true);
  const body = gzipSync(text, { level: constants.Z_BEST_SPEED });
  return {
    body,
    headers: { "Content-Encoding": "gzip", "Content-Length": String(body.byteLength) },
    variesByEncoding: true,
  };
}

/** `Vary` with Accept-Encoding added, unless it is there already or the answer varies by everything. */
function varyByEncoding(vary: string | null | undefined): string | undefined {
  if (vary === "*" || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? "")) return undefined;
  return vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
}

/**
 * JSON answers the routes made with `c.json`: encoded here, and labelled UTF-8. Answers that set their
 * Content-Length (the event lists encode their own, see `event-list.ts`) make `compress` above leave them
 * alone.
 */
async function finishJson(c: Context): Promise<void> {
  const type = c.res.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/json") || c.res.headers.has("Content-Length") || !c.res.body) return;
  const text = await c.res.text();
  const cacheControl = c.res.headers.get("Cache-Control") ?? "";
  const plain = c.req.method === "HEAD" || /no-transform/i.test(cacheControl);
  const encoded = plain
    ? plainJson(text, false)
    : encodeJson(text, acceptsGzip(c.req.header("Accept-Encoding")));
  c.res = new Response(encoded.body, c.res);
  for (const [name, value] of Object.entries(encoded.headers)) c.res.headers.set(name, value);
  if (type === "application/json") c.res.headers.set("Content-Type", "application/json; charset=utf-8");
  const vary = encoded.variesByEncoding ? varyByEncoding(c.res.headers.get("Vary")) : undefined;
  if (vary) c.res.headers.set("Vary", vary);
}
