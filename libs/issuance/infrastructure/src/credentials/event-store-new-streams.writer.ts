import type { AppendMetadata, EventStore } from '@credstream/event-store';
import type { NewStreamEntry, NewStreamsWriter } from '@credstream/issuance/application';

/** The batched append the store offers: many brand-new streams in one commit document. */
interface BatchingEventStore extends EventStore {
  appendToNewStreams(
    entries: { streamId: string; events: NewStreamEntry['events'] }[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<unknown>;
}

const hasBatchAppend = (store: EventStore): store is BatchingEventStore =>
  typeof (store as Partial<BatchingEventStore>).appendToNewStreams === 'function';

/** Stream-by-stream appends in parallel, when the store has no batched append. */
const PARALLEL_APPENDS = 16;

/**
 * {@link NewStreamsWriter} over the event store: one commit for the whole batch when the store supports it
 * (`appendToNewStreams`), otherwise parallel `no-stream` appends. Each stream's aggregate id is its credential id.
 */
export class EventStoreNewStreamsWriter implements NewStreamsWriter {
  constructor(
    private readonly store: EventStore,
    private readonly aggregateIdOf: (streamId: string) => string = (streamId) => streamId,
  ) {}

  async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId)).length > 0;
  }

  async appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<void> {
    if (hasBatchAppend(this.store)) {
      await this.store.appendToNewStreams([...entries], metadata);
      return;
    }
    for (let start = 0; start < entries.length; start += PARALLEL_APPENDS) {
      await Promise.all(
        entries.slice(start, start + PARALLEL_APPENDS).map((entry) =>
          this.store.append(entry.streamId, 'no-stream', entry.events, {
            ...metadata,
            aggregateId: this.aggregateIdOf(entry.streamId),
          }),
        ),
      );
    }
  }
}
