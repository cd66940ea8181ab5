import { useParams } from "react-router";
import { ApiError } from "../api/api-error";

/** An `:orgId` path segment as a number, or undefined when it cannot be an organisation id. */
export function parseOrgId(segment: string): number | undefined {
  return /^[0-9]{1,9}$/.test(segment) ? Number(segment) : undefined;
}

/** The `:orgId` of the current route as a number; anything else is a page that cannot exist. */
export function useOrgId(): number {
  const { orgId = "" } = useParams();
  const id = parseOrgId(orgId);
  if (id === undefined) {
    throw new ApiError({ kind: "not_found", message: `"${orgId}" is not an organisation id.` });
  }
  return id;
}
