import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiPaths } from "../../contract/api-paths";
import { containerListSchema, containerSchema, type ContainerBlocking } from "../../contract/container";
import { fetchListPage, type ListRequest } from "./list-page";
import { request } from "./request";

export const containerQueries = {
  all: (orgId: number) => ["containers", orgId] as const,
  list: (orgId: number, search: ListRequest) =>
    queryOptions({
      queryKey: [...containerQueries.all(orgId), "list", search] as const,
      queryFn: ({ signal }) => fetchListPage(apiPaths.containers(orgId), search, containerListSchema, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (orgId: number, containerId: string) =>
    queryOptions({
      queryKey: [...containerQueries.all(orgId), "detail", containerId] as const,
      queryFn: async ({ signal }) =>
        (await request(apiPaths.container(orgId, containerId), { schema: containerSchema, signal })).data,
    }),
};

/** Blocks or unblocks a container (admins only); answers the container as it now is. */
export async function setContainerBlocked(orgId: number, containerId: string, body: ContainerBlocking) {
  return (
    await request(apiPaths.container(orgId, containerId), { method: "PATCH", body, schema: containerSchema })
  ).data;
}
