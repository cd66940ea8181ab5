import { dayMs, hourMs, type TimeTallyTable } from "../tally-spans";
import { valueTallyTables, type ValueTallyTable } from "../value-tallies";
/**
 * `event_tallies` (migrations.ts) counts events by the columns most filters and the `by_*` views touch, so a
 * count that only reads those columns sums a few hundred rows instead of scanning an organisation's index.
 * `status` is stored as '' when null (a key column of a WITHOUT ROWID table cannot be null); the `has_*`
 * columns say whether a nullable sort key is set. The insert trigger keeps it in step row by row; a bulk
 * seed drops the trigger and refills the table with `fillTalliesSql` once the events are in.
 */
const keyColumns = [
  "organisation_id",
  "type_id",
  "source_id",
  "severity_id",
  "alert",
  "status",
  "in_container",
  "has_user",
  "has_endpoint",
  "has_tags",
  "has_ip",
  "has_iccid",
  "has_imsi",
];

const keyValues = (row: string) =>
  [
    `${row}organisation_id`,
    `${row}type_id`,
    `${row}source_id`,
    `${row}severity_id`,
    `${row}alert`,
    `coalesce(${row}status, '')`,
    `${row}container_id IS NOT NULL`,
    `${row}user_id IS NOT NULL`,
    `${row}endpoint_rank IS NOT NULL`,
    `${row}tags_rank IS NOT NULL`,
    `${row}ip_rank IS NOT NULL`,
    `${row}iccid_rank IS NOT NULL`,
    `${row}imsi_rank IS NOT NULL`,
  ].join(", ");

/** Every key column but the organisation, and the count: both tally tables have them. */
const countColumnsSql = [
  ...keyColumns.slice(1).map((column) => `${column} ${column === "status" ? "TEXT" : "INTEGER"} NOT NULL`),
  "n INTEGER NOT NULL",
].join(",\n    ");

const groupByPosition = keyColumns.map((_, i) => i + 1).join(", ");

export const fillTalliesSql =
  `DELETE FROM event_tallies; INSERT INTO event_tallies (${keyColumns.join(", ")}, n) ` +
  `SELECT ${keyValues("")}, count(*) FROM events GROUP BY ${groupByPosition};`;

export const dayTallies: TimeTallyTable = {
  table: "event_day_tallies",
  column: "day",
  ms: dayMs,
  trigger: "events_day_tally_insert",
};
export const hourTallies: TimeTallyTable = {
  table: "event_hour_tallies",
  column: "hour",
  ms: hourMs,
  trigger: "events_hour_tally_insert",
};

/** Coarsest first: how a time range is read (tally-spans.ts). */
export const timeTallyTables = [dayTallies, hourTallies] as const;

/** The unit of a timestamp in ms, rounded down (before 1970 too, where `/` would round towards zero). */
const unitSql = (timestamp: string, ms: number) =>
  `(${timestamp} / ${String(ms)} - (${timestamp} < 0 AND ${timestamp} % ${String(ms)} != 0))`;

const fillTimeTalliesSql = ({ table, column, ms }: TimeTallyTable) =>
  `DELETE FROM ${table}; INSERT INTO ${table} (${column}, ${keyColumns.join(", ")}, n) ` +
  `SELECT ${unitSql("timestamp", ms)}, ${keyValues("")}, count(*) FROM events GROUP BY 1, ${keyColumns
    .map((_, i) => i + 2)
    .join(", ")};`;

const timeTalliesSchemaSql = (tallies: TimeTallyTable) => `
  CREATE TABLE ${tallies.table} (
    organisation_id INTEGER NOT NULL,
    ${tallies.column} INTEGER NOT NULL,
    ${countColumnsSql},
    PRIMARY KEY (organisation_id, ${tallies.column}, ${keyColumns.slice(1).join(", ")})
  ) WITHOUT ROWID;
  CREATE TRIGGER ${tallies.trigger} AFTER INSERT ON events BEGIN
    INSERT INTO ${tallies.table} (${tallies.column}, ${keyColumns.join(", ")}, n)
      VALUES (${unitSql("new.timestamp", tallies.ms)}, ${keyValues("new.")}, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  ${fillTimeTalliesSql(tallies)}
`;

/**
 * `event_day_tallies` and `event_hour_tallies`: the same counts per UTC day and per UTC hour, for counts and
 * histograms under a time range (the days it covers whole are summed from the day tallies, the whole hours
 * of its partial first and last days from the hour tallies, and only its partial first and last hours are
 * counted on the events). Separate tables, so counts without a range keep summing a few hundred rows.
 */
export const fillDayTalliesSql = fillTimeTalliesSql(dayTallies);
export const fillHourTalliesSql = fillTimeTalliesSql(hourTallies);
export const dayTalliesSchemaSql = timeTalliesSchemaSql(dayTallies);
export const hourTalliesSchemaSql = timeTalliesSchemaSql(hourTallies);

export const talliesSchemaSql = `
  CREATE TABLE event_tallies (
    organisation_id INTEGER NOT NULL,
    ${countColumnsSql},
    PRIMARY KEY (${keyColumns.join(", ")})
  ) WITHOUT ROWID;
  CREATE TRIGGER events_tally_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_tallies (${keyColumns.join(", ")}, n) VALUES (${keyValues("new.")}, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  ${fillTalliesSql}
`;

const fillValueTalliesSql = ({ table, column }: ValueTallyTable) =>
  `DELETE FROM ${table}; INSERT INTO ${table} (day, ${column}, ${keyColumns.join(", ")}, n) ` +
  `SELECT ${unitSql("timestamp", dayMs)}, ${column}, ${keyValues("")}, count(*) FROM events ` +
  `WHERE ${column} IS NOT NULL GROUP BY ${Array.from({ length: keyColumns.length + 2 }, (_, i) => i + 1).join(", ")};`;

const valueTallySchemaSql = (tallies: ValueTallyTable) => `
  CREATE TABLE ${tallies.table} (
    organisation_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    ${tallies.column} ${tallies.type.toUpperCase()} NOT NULL,
    ${countColumnsSql},
    PRIMARY KEY (organisation_id, day, ${tallies.column}, ${keyColumns.slice(1).join(", ")})
  ) WITHOUT ROWID;
  CREATE TRIGGER ${tallies.trigger} AFTER INSERT ON events WHEN new.${tallies.column} IS NOT NULL BEGIN
    INSERT INTO ${tallies.table} (day, ${tallies.column}, ${keyColumns.join(", ")}, n)
      VALUES (${unitSql("new.timestamp", dayMs)}, new.${tallies.column}, ${keyValues("new.")}, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  ${fillValueTalliesSql(tallies)}
`;

/** The per-value day tallies of user, container, reason and client address (../value-tallies.ts). */
export const valueTalliesSchemaSql = valueTallyTables.map(valueTallySchemaSql).join("\n");
export const fillValueTalliesSqls = valueTallyTables.map(fillValueTalliesSql);
