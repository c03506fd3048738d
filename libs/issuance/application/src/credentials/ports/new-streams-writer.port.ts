import type { AppendMetadata } from '@credstream/event-store';
import type { DomainEvent } from '@credstream/event-sourcing';

export interface NewStreamEntry {
  streamId: string;
  events: readonly DomainEvent[];
  /** This stream's own correlation, causation and trace, replacing the call's metadata. */
  cause?: Partial<Pick<AppendMetadata, 'correlationId' | 'causationId' | 'trace'>>;
}

/**
 * Appends events to many brand-new streams at once (bulk issuance), in one commit of the event store
 * (`EventStore.appendToNewStreams`). Metadata's aggregateId is each stream's id.
 */
export interface NewStreamsWriter {
  appendToNewStreams(entries: readonly NewStreamEntry[], metadata: Omit<AppendMetadata, 'aggregateId'>): Promise<void>;
  /** Whether the stream has events (a claimed credential id without them was left by a crash). */
  exists(streamId: string): Promise<boolean>;
}

export const NEW_STREAMS_WRITER = Symbol('NEW_STREAMS_WRITER');
