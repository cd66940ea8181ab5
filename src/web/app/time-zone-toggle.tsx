import { useId } from "react";
import { setDisplayZone, useDisplayZone, zoneName, type DisplayZone } from "../ui/display-zone";

/** Shows times in the viewer's own zone (named) or in UTC; the choice is kept per browser. */
export function TimeZoneToggle() {
  const id = useId();
  const zone = useDisplayZone();
  return (
    <div className="shell-field">
      <label htmlFor={id}>Times</label>
      <select
        id={id}
        className="select"
        value={zone}
        onChange={(event) => {
          setDisplayZone(event.target.value as DisplayZone);
        }}
      >
        <option value="local">Local ({zoneName("local")})</option>
        <option value="utc">UTC</option>
      </select>
    </div>
  );
}
