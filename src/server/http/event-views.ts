import { containerEventViews, type ContainerEventView } from "../../contract/api-paths";
import type { EventScope } from "../store/event-store";
import { badRequest } from "./api-error";

/** What each container-event view narrows an organisation's events to. */
export const viewScopes: Record<ContainerEventView, Omit<EventScope, "orgIds">> = {
  by_access: { containerType: "ACCESS" },
  by_block: { containerType: "BLOCK" },
  by_create: { containerType: "CREATE" },
  by_expire: { containerType: "EXPIRE" },
  by_fail: { failuresOnly: true },
};

/** The `view` parameter: `all` (the default) or a container-event view; anything else is a 400 naming it. */
export function viewScope(raw: string | undefined): Omit<EventScope, "orgIds"> {
  if (raw === undefined || raw === "" || raw === "all") return {};
  if ((containerEventViews as readonly string[]).includes(raw)) return viewScopes[raw as ContainerEventView];
  throw badRequest(`view must be one of all, ${containerEventViews.join(", ")}.`, "view");
}
