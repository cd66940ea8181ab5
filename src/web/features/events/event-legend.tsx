/** What the table's marks mean: the red edge of a row, and the Critical and Alert badges. */
export function EventLegend() {
  return (
    <p className="event-legend">
      <span className="event-legend-edge" aria-hidden="true" /> Failed
      <span className="badge badge-critical">Critical</span> highest severity
      <span className="badge badge-alert">Alert</span> an alert was raised
    </p>
  );
}
