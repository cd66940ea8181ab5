import { formatCount } from "../../ui/formats";
import { errorMessage } from "../../ui/states";
import { cancelExport, dismissExport, shownByButton, useExports, type ExportEntry } from "./export-jobs";
import "./export-tray.css";

/**
 * The exports whose button is not on screen (the user moved on while they ran): progress and Cancel while they
 * run, then what became of them until dismissed.
 */
export function ExportTray() {
  const away = useExports().filter((entry) => !shownByButton(entry.key) && entry.state.status !== "idle");
  if (away.length === 0) return null;
  return (
    <section className="export-tray" aria-label="Exports">
      <ul>
        {away.map((entry) => (
          <ExportTrayItem key={entry.key} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function ExportTrayItem({ entry }: { entry: ExportEntry }) {
  const { state } = entry;
  const running = state.status === "running";
  return (
    <li className="export-tray-item">
      <p className="export-tray-name" title={entry.label}>
        {entry.label}
      </p>
      {running ? (
        <>
          <p className="export-tray-status" aria-live="polite">
            Exporting {formatCount(state.progress.rows)}
            {state.progress.total === undefined ? "" : ` of ${formatCount(state.progress.total)}`} rows
          </p>
          <progress
            className="export-tray-progress"
            aria-label={`Export of ${entry.label}`}
            max={state.progress.total ?? 1}
            value={
              state.progress.total === undefined
                ? undefined
                : Math.min(state.progress.rows, state.progress.total)
            }
          />
        </>
      ) : (
        <p
          className={`export-tray-status${state.status === "failed" ? " export-tray-error" : ""}`}
          role="status"
        >
          {state.status === "done"
            ? `Saved ${state.result.fileName} (${formatCount(state.result.rows)} rows).`
            : state.status === "failed"
              ? `Export failed: ${errorMessage(state.error)}`
              : "Export cancelled."}
        </p>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          if (running) cancelExport(entry.key);
          else dismissExport(entry.key);
        }}
      >
        {running ? "Cancel" : "Dismiss"}
      </button>
    </li>
  );
}
