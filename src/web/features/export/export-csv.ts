import { listHeaders } from "../../../contract/api-paths";
import {
  csvByteOrderMark,
  csvColumns,
  csvFileName,
  csvLine,
  eventCsvValues,
  type CsvColumn,
} from "../../../contract/csv";
import { eventListSchema } from "../../../contract/event";
import { eventList, maxPerPage, parseListParams } from "../../../contract/list-params";
import { ApiError, isApiError } from "../../api/api-error";
import type { EventView } from "../../api/event-queries";
import type { ListRequest } from "../../api/list-page";
import { request, send } from "../../api/request";
import { csvProjection } from "./csv-projection";

/**
 * Exports a whole event list as CSV, free of the DOM so it runs in Node too. The server streams the file;
 * a server that speaks only the JSON contract (406 to `text/csv`) gets its pages walked instead, written
 * with the contract's one CSV writer, so both paths give the same bytes for the same rows. Given `columns`, both
 * write only those, in that order: the contract's CSV has every column, so the server's file is projected here.
 */

export type ExportProgress = { rows: number; total: number | undefined };

export type ExportOptions = {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ExportProgress) => void) | undefined;
  /** A UTF-8 byte order mark first, for spreadsheets that need it to read UTF-8. */
  bom?: boolean | undefined;
  /** The name when the server gives none (the page walk, or a server that hides Content-Disposition). */
  fallbackFileName: string;
  /** Only these columns, in this order; every column when undefined. */
  columns?: readonly CsvColumn[] | undefined;
};

export type ExportResult = { blob: Blob; fileName: string; rows: number; via: "server" | "pages" };

const csvType = "text/csv;charset=utf-8";

/** The list's `sort` and `q` (page and per_page do not matter to an export). */
type ExportRequest = Pick<ListRequest, "sort" | "q">;

export async function exportCsv(
  path: string,
  list: ExportRequest,
  options: ExportOptions,
): Promise<ExportResult> {
  try {
    return await exportViaServer(path, list, options);
  } catch (error) {
    if (!isApiError(error, "not_acceptable")) throw error;
    return exportByWalkingPages(path, list, options);
  }
}

/** The server's streamed CSV, its records counted as they arrive against `x-total-count`. */
export async function exportViaServer(
  path: string,
  list: ExportRequest,
  options: ExportOptions,
): Promise<ExportResult> {
  const response = await send(path, {
    accept: "text/csv",
    search: { sort: list.sort, q: list.q, bom: options.bom ? 1 : undefined },
    signal: options.signal,
  });
  if (!(response.headers.get("content-type") ?? "").startsWith("text/csv")) {
    // A server that ignores Accept and answers JSON cannot stream CSV either.
    await response.body?.cancel();
    return exportByWalkingPages(path, list, options);
  }
  const total = headerCount(response.headers.get(listHeaders.total));
  const countRecords = recordCounter();
  const chunks: BlobPart[] = [];
  const projection = options.columns ? csvProjection(options.columns) : undefined;
  // The byte order mark is a character of the file, to be kept, not a hint for the decoder.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let rows = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((cause: unknown) => {
        if (options.signal?.aborted) throw cause;
        throw new ApiError({
          kind: "network",
          message: "The export was cut off before the end of the file. Try again.",
          cause,
        });
      });
      if (done) break;
      chunks.push(projection ? projection.push(decoder.decode(value, { stream: true })) : value);
      rows = Math.max(0, countRecords(value) - 1);
      options.onProgress?.({ rows, total });
    }
  }
  if (projection) chunks.push(projection.push(decoder.decode()) + projection.end());
  return {
    blob: new Blob(chunks, { type: csvType }),
    fileName:
      contentDispositionFileName(response.headers.get("content-disposition")) ?? options.fallbackFileName,
    rows,
    via: "server",
  };
}

/** Every page, `maxPerPage` rows at a time with the same sort and q, written as the server writes its CSV. */
export async function exportByWalkingPages(
  path: string,
  list: ExportRequest,
  options: ExportOptions,
): Promise<ExportResult> {
  const columns = options.columns ?? csvColumns;
  const picks = columns.map((column) => csvColumns.indexOf(column));
  const parts: string[] = [(options.bom ? csvByteOrderMark : "") + csvLine(columns)];
  let rows = 0;
  for (let page = 1; ; page++) {
    const { data, paging } = await request(path, {
      schema: eventListSchema,
      search: { page, per_page: maxPerPage, sort: list.sort, q: list.q },
      signal: options.signal,
    });
    let text = "";
    for (const event of data) {
      const values = eventCsvValues(event);
      text += csvLine(picks.map((index) => values[index]));
    }
    parts.push(text);
    rows += data.length;
    options.onProgress?.({ rows, total: paging?.total });
    const lastPage = paging ? page >= paging.totalPages : true;
    if (lastPage || data.length < maxPerPage) break;
  }
  return { blob: new Blob(parts, { type: csvType }), fileName: options.fallbackFileName, rows, via: "pages" };
}

/**
 * Counts finished CSV records across chunks: line feeds outside quotes (a quoted cell may hold CRLF). Works on
 * the UTF-8 bytes, where `"` and LF never occur inside a multi-byte character.
 */
function recordCounter(): (chunk: Uint8Array) => number {
  let quoted = false;
  let records = 0;
  return (chunk) => {
    for (const byte of chunk) {
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) records++;
    }
    return records;
  };
}

function headerCount(value: string | null): number | undefined {
  return value !== null && /^[0-9]{1,16}$/.test(value) ? Number(value) : undefined;
}

/** `filename*=UTF-8''…` (RFC 6266) or `filename="…"`; undefined when absent or unsafe. */
export function contentDispositionFileName(header: string | null): string | undefined {
  if (header === null) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  let name: string | undefined;
  if (extended !== undefined) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  name ??= plain?.[1] ?? plain?.[2];
  name = name?.replace(/\\(.)/g, "$1");
  return name && !/[/\\]/.test(name) ? name : undefined;
}

/** The name the server gives the same export: `eventdesk-<org>-<view>[-<from>-<until>].csv`. */
export function exportFileName(orgLabel: string, view: EventView, q: string | undefined): string {
  const slug =
    view === "events"
      ? "events"
      : typeof view === "string"
        ? `container-events-${view.replace("by_", "")}`
        : `container-${view.container}`;
  const parsed = parseListParams(new URLSearchParams(q ? { q } : {}), eventList);
  const from = parsed.ok ? parsed.value.filter.from?.[0] : undefined;
  const until = parsed.ok ? parsed.value.filter.until?.[0] : undefined;
  const range = from === undefined ? [] : [isoDay(from), until === undefined ? undefined : isoDay(until)];
  return csvFileName([orgLabel, slug, ...range]);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
