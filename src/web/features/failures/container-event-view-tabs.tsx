import { Link, useSearchParams } from "react-router";
import type { ContainerEventView } from "../../../contract/api-paths";
import { viewCopy, viewOrder, viewSearch } from "./container-event-views";

/** Links styled as tabs, so each view has its own URL (shareable, back button) and opens in a new tab. */
export function ContainerEventViewTabs({ current }: { current: ContainerEventView }) {
  const [params] = useSearchParams();
  return (
    <nav className="view-tabs" aria-label="Container event views">
      <ul>
        {viewOrder.map((view) => (
          <li key={view}>
            <Link
              to={{ search: viewSearch(params, view) }}
              className="view-tab"
              aria-current={view === current ? "page" : undefined}
            >
              {viewCopy[view].tab}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
