import { z } from "zod";
import { containerEventViews, type ContainerEventView } from "../../../contract/api-paths";

/** The `view` search param of the failures page; `by_fail`, the default, stays out of the URL. */
export const defaultView: ContainerEventView = "by_fail";

/** Tab order: failures first, then the event types. */
export const viewOrder = [
  "by_fail",
  "by_access",
  "by_block",
  "by_create",
  "by_expire",
] as const satisfies readonly ContainerEventView[];

const viewParam = z.enum(containerEventViews).catch(defaultView);

export function readView(params: URLSearchParams): ContainerEventView {
  return viewParam.parse(params.get("view") ?? undefined);
}

/** The search for `view`: other params (filters, order, page size) are kept, the page goes back to 1. */
export function viewSearch(params: URLSearchParams, view: ContainerEventView): string {
  const next = new URLSearchParams(params);
  next.delete("page");
  if (view === defaultView) next.delete("view");
  else next.set("view", view);
  const search = next.toString();
  return search ? `?${search}` : "";
}

export const viewCopy: Record<
  ContainerEventView,
  { tab: string; title: string; description: string; label: string; empty: string }
> = {
  by_fail: {
    tab: "Failures",
    title: "Failed access",
    description:
      "Container events that failed: denied opens, rejected uploads, refused blocks, failed expiries.",
    label: "Failed container events",
    empty: "No failed access has been recorded for this organisation",
  },
  by_access: {
    tab: "Access",
    title: "Container access",
    description: "Every attempt to open a container, successful or not.",
    label: "Container access events",
    empty: "No container has been opened in this organisation yet",
  },
  by_block: {
    tab: "Blocks",
    title: "Container blocks",
    description: "Containers blocked by an admin or a policy, and block requests that were refused.",
    label: "Container block events",
    empty: "No container has been blocked in this organisation",
  },
  by_create: {
    tab: "Creates",
    title: "Container creation",
    description: "New containers and new versions uploaded, and uploads that were rejected.",
    label: "Container create events",
    empty: "No container has been created in this organisation yet",
  },
  by_expire: {
    tab: "Expiries",
    title: "Container expiry",
    description: "Containers and share links that expired, and expiries that could not complete.",
    label: "Container expire events",
    empty: "No container has expired in this organisation",
  },
};
