/**
 * `event_tallies` counts events per UTC day by the columns most filters and the `by_*` views touch, so a
 * count that only reads those columns sums tally rows instead of the events: a whole range of days is one
 * index range of tallies, and only a range's partial first and last days are counted on the events.
 * An insert's statement-level trigger folds its new rows in (one upsert per key, however many rows), in the
 * inserting transaction: the tallies are exact for every snapshot. `status` is '' when null (a key column).
 */
export const tallyKeyColumns = [
  "organisation_id",
  "day",
  "type_id",
  "source_id",
  "severity_id",
  "alert",
  "status",
  "in_container",
] as const;

export const dayMs = 24 * 60 * 60 * 1000;

const keyValues = (row: string) =>
  [
    `${row}organisation_id`,
    `floor(${row}timestamp / ${String(dayMs)}.0)::bigint`,
    `${row}type_id`,
    `${row}source_id`,
    `${row}severity_id`,
    `${row}alert`,
    `coalesce(${row}status, '')`,
    `${row}container_id IS NOT NULL`,
  ].join(", ");

const groupByAll = tallyKeyColumns.map((_, i) => i + 1).join(", ");

/** Adds the rows of `source` (a table of events) to the tallies. */
export const addToTalliesSql = (source: string) =>
  `INSERT INTO event_tallies (${tallyKeyColumns.join(", ")}, n)
   SELECT ${keyValues("")}, count(*) FROM ${source} GROUP BY ${groupByAll} ORDER BY ${groupByAll}
   ON CONFLICT (${tallyKeyColumns.join(", ")}) DO UPDATE SET n = event_tallies.n + excluded.n`;

export const talliesSchemaSql = `
  CREATE TABLE event_tallies (
    organisation_id integer NOT NULL,
    day bigint NOT NULL,
    type_id integer NOT NULL,
    source_id integer NOT NULL,
    severity_id integer NOT NULL,
    alert boolean NOT NULL,
    status text NOT NULL,
    in_container boolean NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (${tallyKeyColumns.join(", ")})
  );
  CREATE FUNCTION events_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${addToTalliesSql("new_events")};
    RETURN NULL;
  END $$;
  CREATE TRIGGER events_tally_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_tally_insert();
`;
