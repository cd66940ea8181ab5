import type { Organisation } from "../../contract/organisation";
import { uiLocale } from "../ui/formats";

/** Organisations in tree order (each parent followed by its descendants), with their depth for indenting. */
export function orgTree(organisations: readonly Organisation[]): { org: Organisation; depth: number }[] {
  const ids = new Set(organisations.map((org) => org.id));
  const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, uiLocale) || a.id - b.id;
  const children = (parent: number | null) =>
    organisations
      .filter((org) =>
        parent === null ? org.parent_id === null || !ids.has(org.parent_id) : org.parent_id === parent,
      )
      .sort(byName);
  const out: { org: Organisation; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (org: Organisation, depth: number) => {
    if (seen.has(org.id)) return;
    seen.add(org.id);
    out.push({ org, depth });
    for (const child of children(org.id)) visit(child, depth + 1);
  };
  for (const root of children(null)) visit(root, 0);
  return out;
}
