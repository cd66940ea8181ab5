import { useParams } from "react-router";
import { ApiError } from "../api/api-error";

/** The `:orgId` of the current route as a number; anything else is a page that cannot exist. */
export function useOrgId(): number {
  const { orgId = "" } = useParams();
  if (!/^[0-9]{1,9}$/.test(orgId)) {
    throw new ApiError({ kind: "not_found", message: `"${orgId}" is not an organisation id.` });
  }
  return Number(orgId);
}
