import { useQuery } from "@tanstack/react-query";
import { containerQueries } from "../../api/container-queries";

/** `Blocked` beside a container in Top containers: failures on a blocked container are people still trying it. */
export function ContainerBlockedMark({ orgId, containerId }: { orgId: number; containerId: string }) {
  const container = useQuery({ ...containerQueries.detail(orgId, containerId), throwOnError: false });
  return container.data?.blocked ? <span className="badge badge-danger">Blocked</span> : null;
}
