import type { DomainEvent } from '@credstream/event-sourcing';
import type { AppendMetadata } from './append-metadata';
import type { NewStreamEntry } from './event-store';
import type { ExpectedVersion } from './expected-version';

/**
 * The write half of the event store, for recorders of facts that never read their streams back (page views,
 * verifications). `MongoEventStore` is one; so is `EventStoreThread`, which appends on a worker thread.
 */
export interface EventAppender {
  append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<{ streamId: string; version: number }>;
  appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<{ streamId: string; version: number }[]>;
}
