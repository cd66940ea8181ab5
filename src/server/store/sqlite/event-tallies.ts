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

export const dayMs = 24 * 60 * 60 * 1000;

/** The UTC day of a timestamp in ms, rounded down (before 1970 too, where `/` would round towards zero). */
const daySql = (timestamp: string) =>
  `(${timestamp} / ${String(dayMs)} - (${timestamp} < 0 AND ${timestamp} % ${String(dayMs)} != 0))`;

/**
 * `event_day_tallies`: the same counts per UTC day, for counts under a time range (the days it covers whole
 * are summed here; only its first and last partial days are counted on the events). A separate table, so
 * counts without a range keep summing a few hundred rows.
 */
export const fillDayTalliesSql =
  `DELETE FROM event_day_tallies; INSERT INTO event_day_tallies (day, ${keyColumns.join(", ")}, n) ` +
  `SELECT ${daySql("timestamp")}, ${keyValues("")}, count(*) FROM events GROUP BY 1, ${keyColumns
    .map((_, i) => i + 2)
    .join(", ")};`;

export const dayTalliesSchemaSql = `
  CREATE TABLE event_day_tallies (
    organisation_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    ${countColumnsSql},
    PRIMARY KEY (organisation_id, day, ${keyColumns.slice(1).join(", ")})
  ) WITHOUT ROWID;
  CREATE TRIGGER events_day_tally_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_day_tallies (day, ${keyColumns.join(", ")}, n)
      VALUES (${daySql("new.timestamp")}, ${keyValues("new.")}, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  ${fillDayTalliesSql}
`;

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
