import type { AppendMetadata, EventStore } from '@credstream/event-store';
import type { NewStreamEntry, NewStreamsWriter } from '@credstream/issuance/application';

/**
 * {@link NewStreamsWriter} over the event store: the whole batch in one commit (`EventStore.appendToNewStreams`).
 * Each stream's aggregate id is its stream id (a credential's id).
 */
export class EventStoreNewStreamsWriter implements NewStreamsWriter {
  constructor(private readonly store: EventStore) {}

  async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId)).length > 0;
  }

  async appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<void> {
    await this.store.appendToNewStreams(entries, metadata);
  }
}
