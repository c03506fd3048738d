import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@credstream/contracts';
import { evolveAll, type Decider, type DomainCommand, type DomainEvent } from '@credstream/event-sourcing';
import {
  StreamVersionConflictError,
  type AppendMetadata,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
} from '@credstream/event-store';

/** The EventStore port in memory, for unit tests of handlers (the Mongo adapter has its own integration tests). */
export class InMemoryEventStore implements Pick<EventStore, 'append' | 'readStream' | 'aggregate'> {
  readonly streams = new Map<string, EventEnvelope[]>();
  readonly appends: { streamId: string; events: EventEnvelope[] }[] = [];
  /** Called before each append; lets a test slip in a concurrent writer. */
  beforeAppend?: (streamId: string) => Promise<void> | void;
  now = new Date('2026-11-27T10:00:00.000Z');

  asEventStore(): EventStore {
    return this as unknown as EventStore;
  }

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult> {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined;
    await hook?.(streamId);
    const stream = this.streams.get(streamId) ?? [];
    const head = stream.length;
    const expected = expectedVersion === 'no-stream' ? 0 : expectedVersion;
    if (expected !== 'any' && expected !== head) throw new StreamVersionConflictError(streamId, expectedVersion, head);
    const envelopes = events.map((event, index): EventEnvelope => ({
      id: randomUUID(),
      type: event.type,
      source: metadata.source,
      aggregateType: metadata.aggregateType,
      aggregateId: metadata.aggregateId ?? streamId,
      aggregateVersion: head + index + 1,
      tenantId: metadata.tenantId,
      occurredAt: this.now.toISOString(),
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      data: JSON.parse(JSON.stringify(event.data)) as unknown,
    }));
    this.streams.set(streamId, [...stream, ...envelopes]);
    if (envelopes.length > 0) this.appends.push({ streamId, events: envelopes });
    return { streamId, version: head + envelopes.length, events: envelopes };
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    return [...(this.streams.get(streamId) ?? [])];
  }

  async aggregate<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
  ) {
    const events = await this.readStream(streamId);
    return {
      state: evolveAll(
        decider,
        events.map(({ type, data }) => ({ type, data }) as TEvent),
      ),
      version: events.length,
    };
  }
}
