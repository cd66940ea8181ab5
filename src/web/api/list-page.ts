import type { z } from "zod";
import { listHeaders } from "../../contract/api-paths";
import { ApiError } from "./api-error";
import { request, type Paging, type SearchParams } from "./request";

/** What a list page asks the server for: `sort` and `q` in the API's own syntax, undefined for the default. */
export type ListRequest = { page: number; perPage: number; sort: string | undefined; q: string | undefined };

export type ListPage<T> = { rows: T[]; paging: Paging };

export function listSearchParams(list: ListRequest): SearchParams {
  return { page: list.page, per_page: list.perPage, sort: list.sort, q: list.q };
}

/** GETs one page of a list endpoint; a list answer without the paging headers breaks the contract. */
export async function fetchListPage<T>(
  path: string,
  list: ListRequest,
  schema: z.ZodType<T[]>,
  signal: AbortSignal,
): Promise<ListPage<T>> {
  const { data, paging } = await request(path, { schema, search: listSearchParams(list), signal });
  if (!paging) {
    throw new ApiError({
      kind: "schema",
      message: `The answer to ${path} has no ${listHeaders.total} header. A server on another origin must expose it (Access-Control-Expose-Headers).`,
    });
  }
  return { rows: data, paging };
}
