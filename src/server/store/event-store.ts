import type { ContainerEventType } from "../../contract/catalogue";
import type { Container } from "../../contract/container";
import type { Event, EventTypesResponse } from "../../contract/event";
import type { ContainerFilter, EventFilter } from "../../contract/filter-fields";
import type { Organisation } from "../../contract/organisation";
import type { ContainerSortField, EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import type { DemoWorld, EventRow } from "./event-row";
import type { FacetField } from "../../contract/facets";
import type { FacetGroup } from "./facet-columns";
import type { LoggedEvent } from "./logged-event";

/** Which events a list reads: an organisation's reach, optionally narrowed to one container or one `by_*` view. */
export type EventScope = {
  orgIds: readonly number[];
  containerId?: string;
  containerType?: ContainerEventType;
  failuresOnly?: boolean;
};

/** A container's new state and the id of the BLOCK event that records the change. */
export type BlockingChange = { container: Container; eventId: number };

export type PageRequest = { page: number; perPage: number };
export type HistogramBuckets = { startMs: number; intervalMs: number };
export type FacetGroups = Partial<Record<FacetField, FacetGroup[]>>;
export type PageOf<T> = { rows: T[]; total: number };

/**
 * An export's rows as CSV text (one `csvLine` per row, in `csvColumns` order, no header), UTF-8 encoded, a
 * chunk at a time as the caller asks for them; `return()` ends the export early.
 */
export type EventExport = { total: number; csv: AsyncIterator<Uint8Array, undefined> };
/** `chunkRows`: how many rows one read of the store fetches (tests make it small to cross many chunks). */
export type ExportOptions = { chunkRows?: number | undefined };
/** `signal`: the caller no longer wants the answer; a read that has not started yet is not started. */
export type ReadOptions = { signal?: AbortSignal | undefined };

/**
 * Everything the routes need from storage but accounts and sessions (those are `AccountStore`'s), and the
 * store's own life: health, seeding, close. Every method answers a promise, so a backend may read on other
 * threads (SQLite) or over a network (PostgreSQL); failures it cannot help are a StoreUnavailableError.
 */
export interface EventStore {
  organisations(): Promise<Organisation[]>;
  eventTypes(): Promise<EventTypesResponse>;

  /**
   * Moves whenever committed data may have changed, by this process or another: an answer computed under
   * one version stays right while the version holds.
   */
  changeVersion(): Promise<string>;

  listEvents(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    page: PageRequest,
    options?: ReadOptions,
  ): Promise<PageOf<Event>>;
  countEvents(scope: EventScope, filter: EventFilter, options?: ReadOptions): Promise<number>;
  /** The matching events grouped by each field: every group, in no order (facet-columns.ts). */
  facetGroups(
    scope: EventScope,
    filter: EventFilter,
    fields: readonly FacetField[],
    options?: ReadOptions,
  ): Promise<FacetGroups>;
  /**
   * How many matching events fall in each bucket of `intervalMs` from `startMs` (bucket i holds
   * `startMs + i·intervalMs` up to the next), as `[i, count]` for the buckets that hold any. The filter must
   * keep every event at or after `startMs`.
   */
  histogram(
    scope: EventScope,
    filter: EventFilter,
    buckets: HistogramBuckets,
    options?: ReadOptions,
  ): Promise<[number, number][]>;
  /**
   * The matching events that exist now, `total` of them (what `countEvents` answers at this moment), as CSV;
   * events written while the rows are read are not among them. The rows are read as they are asked for.
   */
  exportEvents(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    options?: ExportOptions,
  ): Promise<EventExport>;
  /**
   * The largest id of a stored event (0 when there is none). Ids are committed in increasing order (see
   * docs/decisions/0006-live-events.md), so every event with a smaller id is already visible.
   */
  latestEventId(): Promise<number>;
  /**
   * The matching events whose id is above `afterId`, in increasing id order, at most `limit` of them (the
   * list shape): what a live stream sends next.
   */
  eventsAfter(
    scope: EventScope,
    filter: EventFilter,
    afterId: number,
    limit: number,
    options?: ReadOptions,
  ): Promise<Event[]>;
  /** The event with this id when it is in the organisations (the list shape), else undefined. */
  findEvent(orgIds: readonly number[], eventId: number): Promise<Event | undefined>;
  /** Stores the events durably, all or none, and answers their ids in the order given once they are. */
  insertContainerEvents(events: readonly LoggedEvent[]): Promise<number[]>;

  findContainer(orgIds: readonly number[], containerId: string): Promise<Container | undefined>;
  /**
   * Sets the container's blocked state and stores `event` (its BLOCK event, inserted as
   * `insertContainerEvents` does) in one transaction, durable once it answers. Answers "unchanged", writing
   * nothing, when the container already has that state, and undefined when it is not in the organisations.
   * Of concurrent calls asking for the same state, exactly one changes it.
   */
  setContainerBlocked(
    orgIds: readonly number[],
    containerId: string,
    blocked: boolean,
    event: LoggedEvent,
  ): Promise<BlockingChange | "unchanged" | undefined>;
  listContainers(
    orgIds: readonly number[],
    filter: ContainerFilter,
    sort: SortTerm<ContainerSortField>[],
    page: PageRequest,
    options?: ReadOptions,
  ): Promise<PageOf<Container>>;

  /** Rejects with a StoreUnavailableError when the store cannot serve (its file is gone); `/healthz` asks it. */
  health(): Promise<void>;

  isEmpty(): Promise<boolean>;
  /**
   * Loads a demo world and its events in bulk (first start and `npm run seed`) into an empty store; answers
   * false, writing nothing, when it holds a world already (another process may have seeded it meanwhile).
   */
  seed(world: DemoWorld, events: Iterable<EventRow>): Promise<boolean>;
  /** Ends every export still streaming and releases the store's connections and threads. */
  close(): Promise<void>;
}
