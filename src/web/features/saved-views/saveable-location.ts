import { savedViewPathPattern } from "../../../contract/saved-view";

/** What a view keeps of the page's search: not where the reader was (`page`) nor the event open in the drawer. */
const transientParams = ["page", "event"];

/** The current page as a view would save it, or undefined on a page no view can open. */
export function saveableLocation(
  pathname: string,
  search: string,
): { path: string; query: string } | undefined {
  if (!savedViewPathPattern.test(pathname)) return undefined;
  const params = new URLSearchParams(search);
  for (const name of transientParams) params.delete(name);
  return { path: pathname, query: params.toString() };
}

/** Where a saved view leads. */
export const viewHref = (view: { path: string; query: string }) =>
  view.query === "" ? view.path : `${view.path}?${view.query}`;
