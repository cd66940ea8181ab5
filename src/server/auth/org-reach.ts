import type { Organisation } from "../../contract/organisation";

/** An organisation and all its descendants, the root first, then breadth-first by id. */
export function orgReach(organisations: readonly Organisation[], rootId: number): Organisation[] {
  const root = organisations.find((org) => org.id === rootId);
  if (!root) return [];
  const reach = [root];
  const seen = new Set([root.id]);
  for (let i = 0; i < reach.length; i++) {
    const parentId = (reach[i] as Organisation).id;
    const children = organisations
      .filter((org) => org.parent_id === parentId && !seen.has(org.id))
      .sort((a, b) => a.id - b.id);
    for (const child of children) {
      seen.add(child.id);
      reach.push(child);
    }
  }
  return reach;
}
