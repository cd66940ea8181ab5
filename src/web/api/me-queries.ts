import { queryOptions } from "@tanstack/react-query";
import { apiPaths } from "../../contract/api-paths";
import { meSchema } from "../../contract/organisation";
import { request } from "./request";

export const meQueries = {
  /** The caller, its organisation and every organisation it may read. */
  me: () =>
    queryOptions({
      queryKey: ["me"],
      queryFn: async ({ signal }) => (await request(apiPaths.me, { schema: meSchema, signal })).data,
      staleTime: 5 * 60_000,
    }),
};
