import { useQuery } from "@tanstack/react-query";
import { containerQueries } from "../../api/container-queries";

/** `Blocked` beside a container in Top containers: failures on a blocked container are people still trying it. */
export function ContainerBlockedMark({ orgId, containerId }: { orgId: number; containerId: string }) {
  const container = useQuery({ ...containerQueries.detail(orgId, containerId), throwOnError: false });
  if (!container.data?.blocked) return null;
  // The space keeps the words apart in the button's text, as they are on screen.
  return (
    <>
      {" "}
      <span className="badge badge-danger">Blocked</span>
    </>
  );
}
