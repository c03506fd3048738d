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

export interface HandleOptions {
  /** Re-read and decide again this many times when another writer got there first. Default 0. */
  retriesOnConflict?: number;
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
    options?: HandleOptions,
  ): Promise<HandleResult<TState>>;
}
