/** `<input type="datetime-local">` speaks the viewer's wall-clock time; the API speaks UTC ISO 8601. */

const pad = (value: number) => String(value).padStart(2, "0");

/** The `datetime-local` value (to the second) for an instant, in the viewer's time zone. */
export function toLocalInputValue(time: number): string {
  const date = new Date(time);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** The UTC ISO date-time (`2026-11-18T12:00:00Z`) for a `datetime-local` value, or undefined if it is not one. */
export function fromLocalInputValue(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}
