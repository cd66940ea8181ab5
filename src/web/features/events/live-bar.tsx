import { formatCount } from "../../ui/formats";
import type { LiveEvents, LiveState } from "./use-live-events";
import "./live-bar.css";

const stateText: Record<LiveState, string> = {
  connecting: "Connecting to live events…",
  live: "Live",
  reconnecting: "Reconnecting…",
  paused: "Live updates paused",
  stopped: "Live updates are not available for this view",
};

/**
 * The live stream's state, "N new events · Show" once matching events arrived (the rows stay where they are
 * until then), and Pause / Resume.
 */
export function LiveBar({ live }: { live: LiveEvents }) {
  const { state, count, showing, show: onShow, setPaused: onPauseChange } = live;
  const paused = state === "paused";
  return (
    <div className={`live-bar${count > 0 ? " live-bar-news" : ""}`}>
      <span className={`live-dot live-dot-${state}`} aria-hidden="true" />
      <span className="live-state">{stateText[state]}</span>
      <span role="status" className="live-news">
        {count > 0 ? `${formatCount(count)} new ${count === 1 ? "event" : "events"}` : ""}
      </span>
      {count > 0 ? (
        <button
          type="button"
          className="button button-small button-primary"
          aria-disabled={showing || undefined}
          onClick={() => {
            if (!showing) onShow();
          }}
        >
          {showing ? "Loading…" : "Show"}
        </button>
      ) : null}
      {state !== "stopped" ? (
        <button
          type="button"
          className="button button-small button-quiet live-pause"
          aria-pressed={paused}
          onClick={() => {
            onPauseChange(!paused);
          }}
        >
          {paused ? "Resume live" : "Pause live"}
        </button>
      ) : null}
    </div>
  );
}
