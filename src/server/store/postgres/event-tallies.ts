import { dayMs, hourMs, type TimeTallyTable } from "../tally-spans";
import { valueTallyTables, type ValueTallyTable } from "../value-tallies";
/**
 * `event_tallies` counts events per UTC day by the columns most filters and the `by_*` views touch, so a
 * count that only reads those columns sums tally rows instead of the events: a whole range of days is one
 * index range of tallies. `event_hour_tallies` holds the same counts per UTC hour, for a range's partial
 * first and last days and for histograms of hours; only a range's partial first and last hours are counted
 * on the events (docs/decisions/0010-hour-tallies.md).
 * An insert's statement-level trigger on each folds its new rows in (one upsert per key, however many rows),
 * in the inserting transaction: the tallies are exact for every snapshot. `status` is '' when null (a key
 * column).
 */
export const dayTallies: TimeTallyTable = {
  table: "event_tallies",
  column: "day",
  ms: dayMs,
  trigger: "events_tally_insert",
};
export const hourTallies: TimeTallyTable = {
  table: "event_hour_tallies",
  column: "hour",
  ms: hourMs,
  trigger: "events_hour_tally_insert",
};

/** Coarsest first: how a time range is read (tally-spans.ts). */
export const tallyTables = [dayTallies, hourTallies] as const;

export const tallyKeyColumnsOf = (tallies: TimeTallyTable) =>
  [
    "organisation_id",
    tallies.column,
    "type_id",
    "source_id",
    "severity_id",
    "alert",
    "status",
    "in_container",
  ] as const;

export const tallyKeyColumns = tallyKeyColumnsOf(dayTallies);

const keyValues = (tallies: TimeTallyTable, row: string) => [
  `${row}organisation_id`,
  `floor(${row}timestamp / ${String(tallies.ms)}.0)::bigint`,
  `${row}type_id`,
  `${row}source_id`,
  `${row}severity_id`,
  `${row}alert`,
  `coalesce(${row}status, '')`,
  `${row}container_id IS NOT NULL`,
];

/** Adds the rows of `source` (a table of events) to the tallies. */
export function addToTalliesSql(source: string, tallies: TimeTallyTable = dayTallies): string {
  const keys = tallyKeyColumnsOf(tallies).join(", ");
  const groupByAll = tallyKeyColumnsOf(tallies)
    .map((_, i) => i + 1)
    .join(", ");
  return `INSERT INTO ${tallies.table} (${keys}, n)
   SELECT ${keyValues(tallies, "").join(", ")}, count(*) FROM ${source} GROUP BY ${groupByAll} ORDER BY ${groupByAll}
   ON CONFLICT (${keys}) DO UPDATE SET n = ${tallies.table}.n + excluded.n`;
}

/** The key columns every tally has after the organisation, its unit (and value), and the count. */
const countColumnsSql = `
    type_id integer NOT NULL,
    source_id integer NOT NULL,
    severity_id integer NOT NULL,
    alert boolean NOT NULL,
    status text NOT NULL,
    in_container boolean NOT NULL,
    n bigint NOT NULL`;

/** A statement-level insert trigger named `trigger` that runs `add` (an upsert from `new_events`), and its function. */
const insertTriggerSql = (trigger: string, add: string) => `
  CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${add};
    RETURN NULL;
  END $$;
  CREATE TRIGGER ${trigger} AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION ${trigger}();
`;

/** The table, its trigger's function and the trigger. */
const tallySchemaSql = (tallies: TimeTallyTable) => `
  CREATE TABLE ${tallies.table} (
    organisation_id integer NOT NULL,
    ${tallies.column} bigint NOT NULL,${countColumnsSql},
    PRIMARY KEY (${tallyKeyColumnsOf(tallies).join(", ")})
  );
  ${insertTriggerSql(tallies.trigger, addToTalliesSql("new_events", tallies))}
`;

export const talliesSchemaSql = tallySchemaSql(dayTallies);

/**
 * The hour tallies on a store that has events: the trigger first, then the events counted. The trigger's
 * lock on `events` waits for inserts in flight and holds new ones until this commits, so the count sees
 * every committed event and every later insert goes through the trigger.
 */
export const hourTalliesSchemaSql = `${tallySchemaSql(hourTallies)}
  ${addToTalliesSql("events", hourTallies)};
`;

/** A value tally's key columns: the day tallies' with the value after the day. */
const valueKeyColumnsOf = ({ column }: ValueTallyTable) => {
  const [organisation, day, ...rest] = tallyKeyColumns;
  return [organisation, day, column, ...rest];
};

/** Adds the rows of `source` (a table of events) that have a value to the value tallies `tallies`. */
export function addToValueTalliesSql(source: string, tallies: ValueTallyTable): string {
  const keys = valueKeyColumnsOf(tallies);
  const [organisation, day, ...rest] = keyValues(dayTallies, "");
  const groupByAll = keys.map((_, i) => i + 1).join(", ");
  return `INSERT INTO ${tallies.table} (${keys.join(", ")}, n)
   SELECT ${[organisation, day, tallies.column, ...rest].join(", ")}, count(*) FROM ${source}
   WHERE ${tallies.column} IS NOT NULL GROUP BY ${groupByAll} ORDER BY ${groupByAll}
   ON CONFLICT (${keys.join(", ")}) DO UPDATE SET n = ${tallies.table}.n + excluded.n`;
}

/** As `hourTalliesSchemaSql`, for one value tally (../value-tallies.ts). */
const valueTallySchemaSql = (tallies: ValueTallyTable) => `
  CREATE TABLE ${tallies.table} (
    organisation_id integer NOT NULL,
    day bigint NOT NULL,
    ${tallies.column} ${tallies.type} NOT NULL,${countColumnsSql},
    PRIMARY KEY (${valueKeyColumnsOf(tallies).join(", ")})
  );
  ${insertTriggerSql(tallies.trigger, addToValueTalliesSql("new_events", tallies))}
  ${addToValueTalliesSql("events", tallies)};
`;

export const valueTalliesSchemaSql = valueTallyTables.map(valueTallySchemaSql).join("\n");
