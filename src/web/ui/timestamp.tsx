/**
 * `<Timestamp value="2026-11-18T12:00:00Z" />` renders an ISO date-time in the viewer's time zone as
 * `2026-11-18 13:00:00` (sortable, dense, unambiguous across locales) inside `<time dateTime>`, with the exact
 * UTC time as its tooltip. An unparseable value is shown as given.
 */

const local = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function formatLocal(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const part = Object.fromEntries(local.formatToParts(time).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : `${new Date(time)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "")} UTC`;
}

export function Timestamp({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {formatLocal(value)}
    </time>
  );
}
