import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiPaths } from "../../contract/api-paths";
import {
  savedViewListSchema,
  savedViewSchema,
  type newSavedViewSchema,
  type SavedViewPatch,
} from "../../contract/saved-view";
import { request, send } from "./request";

export type NewSavedViewBody = z.input<typeof newSavedViewSchema>;

export const savedViewQueries = {
  /** Everything cached about saved views; every change invalidates it. */
  all: () => ["saved-views"] as const,
  /** The caller's views, then the shared views of its reach. */
  list: () =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        (await request(apiPaths.views, { schema: savedViewListSchema, signal })).data,
    }),
};

const refreshList = (client: QueryClient) => client.invalidateQueries({ queryKey: savedViewQueries.all() });

export const savedViewMutations = {
  create: (client: QueryClient) =>
    mutationOptions({
      mutationFn: async (body: NewSavedViewBody) =>
        (await request(apiPaths.views, { method: "POST", body, schema: savedViewSchema })).data,
      onSuccess: () => refreshList(client),
    }),
  update: (client: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, patch }: { id: string; patch: SavedViewPatch }) =>
        (await request(apiPaths.view(id), { method: "PATCH", body: patch, schema: savedViewSchema })).data,
      onSuccess: () => refreshList(client),
    }),
  remove: (client: QueryClient) =>
    mutationOptions({
      mutationFn: async (id: string) => {
        await send(apiPaths.view(id), { method: "DELETE" });
      },
      onSuccess: () => refreshList(client),
    }),
};
