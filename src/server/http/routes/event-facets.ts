import type { Context } from "hono";
import {
  nullFacetValue,
  parseFacetParams,
  type FacetField,
  type Facets,
  type FacetValue,
} from "../../../contract/facets";
import type { EventStore } from "../../store/event-store";
import type { FacetGroup } from "../../store/facet-columns";
import { badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import { viewParams } from "../event-views";
import { jsonType, negotiate } from "../negotiate";

const numericFields = new Set<FacetField>(["type", "source", "severity", "organisation", "user", "endpoint"]);
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/**
 * A facet's values as the contract orders them (count descending, then value ascending: numerically for ids,
 * by code unit otherwise, the null value first), those starting with `prefix` (value or label, ASCII case
 * folded) only, at most `limit`.
 */
function ranked(field: FacetField, groups: readonly FacetGroup[], limit: number, prefix: string | undefined) {
  const values: FacetValue[] = groups.map(({ value, label, n }) =>
    value === null ? { ...nullFacetValue, count: n } : { value, label: label ?? value, count: n },
  );
  const wanted = prefix === undefined ? undefined : asciiLower(prefix);
  const kept =
    wanted === undefined
      ? values
      : values.filter(
          (entry) =>
            entry.value !== "" &&
            (asciiLower(entry.value).startsWith(wanted) || asciiLower(entry.label).startsWith(wanted)),
        );
  const key = (entry: FacetValue) => (entry.value === "" ? -Infinity : Number(entry.value));
  return kept
    .sort((a, b) => {
      if (a.count !== b.count) return b.count - a.count;
      if (numericFields.has(field)) return key(a) - key(b);
      return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    })
    .slice(0, limit);
}

/** `GET …/events/facets`: top values with exact counts for each field asked, over the view and `q`. */
export async function answerFacets(c: Context<AppEnv>, store: EventStore): Promise<Response> {
  negotiate(c.req.header("Accept"), [jsonType]);
  const query = new URL(c.req.url).searchParams;
  const { scope, filter } = viewParams(query, c.get("orgIds"));
  const params = parseFacetParams(query);
  if (!params.ok) throw badRequest(params.message, params.param);
  const { fields, limit, prefix } = params.value;
  const options = { signal: c.req.raw.signal };
  const [total, groups] = await Promise.all([
    store.countEvents(scope, filter, options),
    store.facetGroups(scope, filter, fields, options),
  ]);
  const facets: Facets["facets"] = {};
  for (const field of fields) facets[field] = ranked(field, groups[field] ?? [], limit, prefix);
  const answer: Facets = { total, facets };
  return c.json(answer);
}
