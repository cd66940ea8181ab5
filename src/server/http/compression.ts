import { constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

const threshold = 1024;

/** `gzip` (or `*`) listed with a non-zero quality. */
const acceptsGzip = (header: string | undefined) =>
  (header ?? "").split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });

/**
 * Gzip for JSON over 1 KB and for the dashboard's text assets. CSV exports are left alone: they stream with
 * back-pressure and report progress by bytes, and gzip would hold chunks back.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({
    encoding: "gzip",
    threshold,
    contentTypeFilter: (type) => !type.startsWith("text/csv") && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type),
  });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      await gzipJson(c);
    });
}

/**
 * JSON answers are strings in memory: compressed here in one synchronous call at level 1 (a page of 50
 * events: about 0.1 ms, against several times that through a CompressionStream), small ones sent as they
 * are. Setting Content-Encoding or Content-Length makes `compress` above leave the answer alone.
 */
async function gzipJson(c: Context): Promise<void> {
  const type = c.res.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/json") || c.res.headers.has("Content-Length") || !c.res.body) return;
  const text = await c.res.text();
  const cacheControl = c.res.headers.get("Cache-Control") ?? "";
  const vary = c.res.headers.get("Vary");
  c.res = new Response(text, c.res);
  const length = Buffer.byteLength(text);
  if (length < threshold || c.req.method === "HEAD" || /no-transform/i.test(cacheControl)) {
    c.res.headers.set("Content-Length", String(length));
    return;
  }
  if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? "")) {
    c.res.headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
  if (!acceptsGzip(c.req.header("Accept-Encoding"))) {
    c.res.headers.set("Content-Length", String(length));
    return;
  }
  const body = gzipSync(text, { level: constants.Z_BEST_SPEED });
  c.res = new Response(body, c.res);
  c.res.headers.set("Content-Encoding", "gzip");
  c.res.headers.set("Content-Length", String(body.byteLength));
}
