import type { Organisation } from "../../contract/organisation";
import { savedViewPathPattern } from "../../contract/saved-view";
import { orgReach } from "../auth/org-reach";
import type { EventStore } from "../store/event-store";
import { badRequest } from "./api-error";
import { maxContainerIdLength } from "./path-scope";

const outOfReach = "path must name an organisation (and container) that you may read.";

/**
 * The organisation of a view's dashboard path, which must be in the caller's reach, as must the container the
 * path names. A body field at fault is a 400 naming `path` (one answer for "no such" and "not yours"), where
 * a URL naming a foreign organisation is a 404: the view resource itself exists or does not.
 */
export async function viewPathOrganisation(
  store: EventStore,
  callerOrgId: number,
  path: string,
): Promise<Organisation> {
  const groups = savedViewPathPattern.exec(path)?.groups;
  if (!groups) throw badRequest(outOfReach, "path");
  const organisations = await store.organisations();
  const org = orgReach(organisations, callerOrgId).find((candidate) => String(candidate.id) === groups.orgId);
  if (!org) throw badRequest(outOfReach, "path");
  if (groups.containerId !== undefined) {
    const containerId = decodedSegment(groups.containerId);
    const orgIds = orgReach(organisations, org.id).map((member) => member.id);
    if (containerId === undefined || !(await store.findContainer(orgIds, containerId))) {
      throw badRequest(outOfReach, "path");
    }
  }
  return org;
}

function decodedSegment(segment: string): string | undefined {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.length > maxContainerIdLength || decoded.includes("\0") ? undefined : decoded;
  } catch {
    return undefined;
  }
}
