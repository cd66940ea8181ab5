import type { EventTypesResponse } from "../../../contract/event";
import type { Organisation } from "../../../contract/organisation";
import type { StatementCache } from "./statement-cache";

export type LookupQueries = {
  organisations: () => Organisation[];
  eventTypes: () => EventTypesResponse;
  /** Organisation id → rank of its name (see migrations.ts). */
  orgRanks: () => ReadonlyMap<number, number>;
  isEmpty: () => boolean;
};

/** The small tables; they change only when a world is seeded, so their answers are kept until then. */
export function lookupQueries(statement: StatementCache): LookupQueries & { forget(): void } {
  let organisations: Organisation[] | undefined;
  let eventTypes: EventTypesResponse | undefined;
  let orgRanks: Map<number, number> | undefined;
  const catalogue = (table: string) =>
    statement(`SELECT id, description FROM ${table} ORDER BY id`).all() as {
      id: number;
      description: string;
    }[];
  return {
    organisations: () =>
      (organisations ??= statement(
        "SELECT id, name, parent_id FROM organisations ORDER BY id",
      ).all() as Organisation[]).map((org) => ({ ...org })),
    eventTypes: () =>
      structuredClone(
        (eventTypes ??= {
          event_types: catalogue("event_types"),
          sources: catalogue("event_sources"),
          severities: catalogue("event_severities"),
        }),
      ),
    orgRanks: () =>
      (orgRanks ??= new Map(
        (statement("SELECT id, name_rank FROM organisations").raw(true).all() as [number, number][]).map(
          ([id, rank]) => [id, rank],
        ),
      )),
    isEmpty: () => statement("SELECT count(*) FROM organisations").pluck().get() === 0,
    forget() {
      organisations = undefined;
      eventTypes = undefined;
      orgRanks = undefined;
    },
  };
}
