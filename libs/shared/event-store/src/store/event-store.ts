import type { EventEnvelope } from '@credstream/contracts';
import type { Decider, DomainCommand, DomainEvent } from '@credstream/event-sourcing';
import type { AppendMetadata } from './append-metadata';
import type { ExpectedVersion } from './expected-version';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: the expected version for the next one. */
  version: number;
  events: EventEnvelope[];
}

export interface AggregateState<TState> {
  state: TState;
  /** Version of the last event folded in; 0 for a stream without events. */
  version: number;
}

export interface HandleResult<TState> extends AppendResult {
  state: TState;
}

export interface HandleOptions<TState = unknown> {
  /** Re-read and decide again this many times when another writer got there first. Default 0. */
  retriesOnConflict?: number;
  /**
   * The stream as the caller last saw it (the result of its previous `handle`, or the initial state at version 0 for
   * a stream it expects to be new): the command is decided on it without reading the stream. If that yields no
   * events or a refusal, or the commit finds another writer went on (the unique index refuses it), the stream is
   * read and the command decided again as usual — a stale guess costs one read, never a wrong decision.
   */
  known?: AggregateState<TState>;
}

/** One brand-new stream of an `appendToNewStreams` call. */
export interface NewStreamEntry {
  streamId: string;
  events: readonly DomainEvent[];
  /** The envelopes' aggregate id (the Kafka key). Default: the stream id. */
  aggregateId?: string;
  /** This stream's own cause, replacing the call's (e.g. the partner event each credential of a batch answers). */
  cause?: Partial<Pick<AppendMetadata, 'correlationId' | 'causationId' | 'trace'>>;
}

/** The event store as the application layer sees it (a port; `MongoEventStore` implements it). */
export interface EventStore {
  append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: { fromVersion?: number }): Promise<EventEnvelope[]>;
  aggregate<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
  ): Promise<AggregateState<TState>>;
  handle<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
    command: TCommand,
    metadata: AppendMetadata,
    options?: HandleOptions<TState>,
  ): Promise<HandleResult<TState>>;
  /**
   * Creates many brand-new streams in one atomic commit (bulk work, e.g. the 500 credentials of a bulk issuance
   * batch): every stream gets its events as versions 1..n — or, when any of the stream ids already exists (or
   * another writer creates it at the same time), nothing is written and a `StreamVersionConflictError` names
   * that stream (expected `'no-stream'`). Each event's envelope gets the entry's `aggregateId` (default: its
   * stream id), so `metadata` has none. Results are in the order of `entries`. All events of one call are at
   * most the store's batch limit (`TooManyEventsError`); a stream id may appear once per call. Later appends to
   * such a stream continue at version n + 1 as usual. See ADR 0004 for how the commit is made atomic.
   */
  appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<AppendResult[]>;
}
