import { containerEventViews, type ContainerEventView } from "../../contract/api-paths";
import { eventFilterFields, type EventFilter } from "../../contract/filter-fields";
import { maxQueryLength } from "../../contract/list-params";
import { parseFilter } from "../../contract/parse-filter";
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

/** A parameter's one value: undefined when absent, a 400 naming it when given twice. */
export function singleParam(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw badRequest(`${name} may be given only once.`, name);
  return values[0];
}

/**
 * The events a facet or histogram request reads: the organisation's reach narrowed by `view`, and `q`'s
 * filter (400s naming `view` or `q` as the lists give them).
 */
export function viewParams(
  query: URLSearchParams,
  orgIds: readonly number[],
): { scope: EventScope; filter: EventFilter } {
  const scope = { orgIds, ...viewScope(singleParam(query, "view")) };
  const q = singleParam(query, "q");
  if (!q) return { scope, filter: {} };
  if (q.length > maxQueryLength)
    throw badRequest(`q must be at most ${String(maxQueryLength)} characters.`, "q");
  const parsed = parseFilter(q, eventFilterFields);
  if (!parsed.ok) throw badRequest(parsed.message, "q");
  return { scope, filter: parsed.value };
}
