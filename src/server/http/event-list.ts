import { ServerResponse } from "node:http";
import type { Context } from "hono";
import { listHeaders } from "../../contract/api-paths";
import { csvByteOrderMark, csvFileName, csvHeader } from "../../contract/csv";
import { eventList, parseListParams } from "../../contract/list-params";
import type { EventExport, EventScope, EventStore } from "../store/event-store";
import { AnswerCache, type CachedAnswer } from "./answer-cache";
import { badRequest } from "./api-error";
import type { AppEnv } from "./app-env";
import { acceptsGzip, encodeJson } from "./compression";
import { csvStream } from "./csv-stream";
import { echoHeaders, pageHeaders } from "./list-headers";
import { csvType, jsonType, negotiate } from "./negotiate";

export type EventListTarget = {
  /** What to read; undefined answers an empty list (seed 2's quirk for an organisation out of reach). */
  scope: EventScope | undefined;
  /** For the export's file name: the organisation and the view. */
  orgLabel: string;
  view: string;
};

/** Up to 16 MB of finished pages: about 3,000 gzipped pages of 50 events. */
const answerCacheBytes = 16 * 1024 * 1024;

export type EventListAnswers = (c: Context<AppEnv>, target: EventListTarget) => Promise<Response>;

export type CsvExportSettings = {
  /** How long a chunk of an export may wait for the client to take it before the export is ended. */
  sendTimeoutMs: number;
  /** Rows per read of the store (the store's default unless given). */
  chunkRows?: number | undefined;
};

/** One answer for every event list: a JSON page with the list headers, or the whole selection as CSV. */
export function eventListAnswers(store: EventStore, exports: CsvExportSettings): EventListAnswers {
  const pages = new AnswerCache(answerCacheBytes);
  return async (c, target) => {
    const format = negotiate(c.req.header("Accept"), [jsonType, csvType]);
    const url = new URL(c.req.url);
    if (format === csvType) return answerCsv(c, store, target, url, exports);

    const gzip = acceptsGzip(c.req.header("Accept-Encoding"));
    const key = `${String(c.get("caller").id)} ${gzip ? "gzip" : "identity"} ${url.pathname}${url.search}`;
    const version = await store.changeVersion();
    const cached = c.req.method === "GET" ? pages.get(key, version) : undefined;
    if (cached) return sendPage(c, cached);

    const { params } = listParams(url.searchParams);
    const page = target.scope
      ? await store.listEvents(
          target.scope,
          params.filter,
          params.sort,
          { page: params.page, perPage: params.perPage },
          { signal: c.req.raw.signal },
        )
      : { rows: [], total: 0 };
    const encoded = encodeJson(JSON.stringify(page.rows), gzip);
    const answer: CachedAnswer = {
      body: encoded.body,
      headers: {
        ...echoHeaders(params),
        ...pageHeaders(url, params.page, params.perPage, page.total),
        ...encoded.headers,
        "Content-Type": "application/json; charset=utf-8",
      },
      variesByEncoding: encoded.variesByEncoding,
    };
    if (c.req.method === "GET") pages.set(key, version, answer);
    return sendPage(c, answer);
  };
}

function sendPage(c: Context, answer: CachedAnswer): Response {
  if (answer.variesByEncoding) c.header("Vary", "Accept-Encoding", { append: true });
  if (c.req.method === "HEAD") return c.body(null, 200, answer.headers);
  return c.body(answer.body, 200, answer.headers);
}

function listParams(query: URLSearchParams) {
  const parsed = parseListParams(query, eventList);
  if (!parsed.ok) throw badRequest(parsed.message, parsed.param);
  return { params: parsed.value, bom: parseBom(query.getAll("bom")) };
}

/**
 * The whole selection as CSV: the events that exist when the request comes (`x-total-count` of them), in
 * order, however long the client takes to read them, unless it takes nothing for the send timeout.
 */
async function answerCsv(
  c: Context,
  store: EventStore,
  target: EventListTarget,
  url: URL,
  settings: CsvExportSettings,
): Promise<Response> {
  const { params, bom } = listParams(url.searchParams);
  const { scope } = target;
  const exported: EventExport =
    scope === undefined
      ? { total: 0, csv: noCsv() }
      : c.req.method === "HEAD"
        ? { total: await store.countEvents(scope, params.filter), csv: noCsv() }
        : await store.exportEvents(scope, params.filter, params.sort, { chunkRows: settings.chunkRows });
  const range =
    params.filter.from?.[0] !== undefined ? [params.filter.from[0], params.filter.until?.[0]] : [];
  const fileName = csvFileName([target.orgLabel, target.view, ...range.map(isoDay)]);
  const headers = {
    ...echoHeaders(params),
    [listHeaders.total]: String(exported.total),
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${fileName}"`,
  };
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  const head = (bom ? csvByteOrderMark : "") + csvHeader;
  const stream = csvStream(head, exported.csv, {
    signal: c.req.raw.signal,
    sendTimeoutMs: settings.sendTimeoutMs,
    closeConnection: connectionCloser(c),
    label: `${c.req.method} ${url.pathname}`,
  });
  return c.body(stream, 200, headers);
}

function noCsv(): EventExport["csv"] {
  return { next: () => Promise.resolve({ done: true, value: undefined }) };
}

/** Served by @hono/node-server, the Node response is `c.env.outgoing`; in-process requests have none. */
function connectionCloser(c: Context): (() => void) | undefined {
  const outgoing: unknown = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  if (!(outgoing instanceof ServerResponse)) return undefined;
  return () => outgoing.destroy();
}

/** `bom=1` puts a UTF-8 byte order mark before a CSV export, for spreadsheets that need it. */
function parseBom(values: string[]): boolean {
  if (values.length > 1) throw badRequest("bom may be given only once.", "bom");
  const value = values[0];
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw badRequest("bom must be 1 or 0.", "bom");
}

function isoDay(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}
