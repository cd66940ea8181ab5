import { parseOrgId } from "../../app/use-org-id";

const probeOrigin = "http://eventdesk.invalid";

/**
 * Where to go after signing in: `next` resolved the way the browser would resolve it, when that lands on a page
 * of an organisation (`/orgs/<id>…`); anything else — another origin, a path that resolves to a protocol-relative
 * `//host` (`/..//evil.test`, `/%2e%2e//x`), a page that does not exist — goes to `/`, the user's own events.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, probeOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== probeOrigin) return "/";
  const orgSegment = /^\/orgs\/([^/]+)(?:\/|$)/.exec(url.pathname)?.[1];
  if (orgSegment === undefined || parseOrgId(orgSegment) === undefined) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
