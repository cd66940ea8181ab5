import type { Context } from "hono";
import { listHeaders } from "../../contract/api-paths";
import { csvByteOrderMark, csvFileName, csvHeader } from "../../contract/csv";
import { eventList, parseListParams } from "../../contract/list-params";
import type { EventScope, EventStore } from "../store/event-store";
import { badRequest } from "./api-error";
import { csvStream } from "./csv-stream";
import { setEchoHeaders, setPageHeaders } from "./list-headers";
import { csvType, jsonType, negotiate } from "./negotiate";

export type EventListTarget = {
  /** What to read; undefined answers an empty list (seed 2's quirk for an organisation out of reach). */
  scope: EventScope | undefined;
  /** For the export's file name: the organisation and the view. */
  orgLabel: string;
  view: string;
};

/** One answer for every event list: a JSON page with the list headers, or the whole selection as CSV. */
export function answerEventList(c: Context, store: EventStore, target: EventListTarget): Response {
  const format = negotiate(c.req.header("Accept"), [jsonType, csvType]);
  const query = new URL(c.req.url).searchParams;
  const parsed = parseListParams(query, eventList);
  if (!parsed.ok) throw badRequest(parsed.message, parsed.param);
  const params = parsed.value;
  const bom = parseBom(query.getAll("bom"));
  setEchoHeaders(c, params);

  if (format === csvType) {
    const { scope } = target;
    const total = scope ? store.countEvents(scope, params.filter) : 0;
    const range =
      params.filter.from?.[0] !== undefined ? [params.filter.from[0], params.filter.until?.[0]] : [];
    const fileName = csvFileName([target.orgLabel, target.view, ...range.map(isoDay)]);
    c.header(listHeaders.total, String(total));
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${fileName}"`);
    if (c.req.method === "HEAD") return c.body(null);
    const head = (bom ? csvByteOrderMark : "") + csvHeader;
    const openRows = scope
      ? () => store.exportEvents(scope, params.filter, params.sort)
      : () => [][Symbol.iterator]();
    return c.body(csvStream(head, openRows, c.req.raw.signal));
  }

  const page = target.scope
    ? store.listEvents(target.scope, params.filter, params.sort, {
        page: params.page,
        perPage: params.perPage,
      })
    : { rows: [], total: 0 };
  setPageHeaders(c, params.page, params.perPage, page.total);
  return c.json(page.rows);
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
