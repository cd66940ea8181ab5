import type { ContainerEventType } from "../../contract/catalogue";
import type { Container } from "../../contract/container";
import type { CsvValue } from "../../contract/csv";
import type { Event, EventTypesResponse } from "../../contract/event";
import type { ContainerFilter, EventFilter } from "../../contract/filter-fields";
import type { Organisation } from "../../contract/organisation";
import type { ContainerSortField, EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import type { DemoWorld, EventRow } from "./event-row";
import type { LoggedEvent } from "./logged-event";

/** Which events a list reads: an organisation's reach, optionally narrowed to one container or one `by_*` view. */
export type EventScope = {
  orgIds: readonly number[];
  containerId?: string;
  containerType?: ContainerEventType;
  failuresOnly?: boolean;
};

export type PageRequest = { page: number; perPage: number };
export type PageOf<T> = { rows: T[]; total: number };

export type EventExport = { total: number; rows: IterableIterator<CsvValue[]> };
/** `chunkRows`: how many rows one read of the store fetches (tests make it small to cross many chunks). */
export type ExportOptions = { chunkRows?: number };

/**
 * Everything the routes need from storage but accounts and sessions (those are `AccountStore`'s), and the
 * store's own life: health, seeding, close. SQLite implements it today; a PostgreSQL store implements the
 * same methods (async-capable callers await each result, so a promise-returning store fits too).
 */
export interface EventStore {
  organisations(): Organisation[];
  eventTypes(): EventTypesResponse;

  /**
   * Moves whenever committed data may have changed, by this process or another: an answer computed under
   * one version stays right while the version holds.
   */
  changeVersion(): string;

  listEvents(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    page: PageRequest,
  ): PageOf<Event>;
  countEvents(scope: EventScope, filter: EventFilter): number;
  /**
   * The matching events that exist now, `total` of them (what `countEvents` answers at this moment), as CSV
   * cells in `csvColumns` order; events written while the rows are read are not among them. The rows are
   * read as they are asked for; calling `return()` on them ends the export.
   */
  exportEvents(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    options?: ExportOptions,
  ): EventExport;
  /** Stores the events durably, all or none, and answers their ids in the order given once they are. */
  insertContainerEvents(events: readonly LoggedEvent[]): Promise<number[]>;

  findContainer(orgIds: readonly number[], containerId: string): Container | undefined;
  listContainers(
    orgIds: readonly number[],
    filter: ContainerFilter,
    sort: SortTerm<ContainerSortField>[],
    page: PageRequest,
  ): PageOf<Container>;

  /** Throws StoreUnavailableError when the store cannot serve (its file is gone); the health check asks it. */
  health(): void;

  isEmpty(): boolean;
  /**
   * Loads a demo world and its events in bulk (first start and `npm run seed`) into an empty store; answers
   * false, writing nothing, when it holds a world already (another process may have seeded it meanwhile).
   */
  seed(world: DemoWorld, events: Iterable<EventRow>): boolean;
  close(): void;
}
