import type { EventEnvelope } from '@credstream/contracts';
import type { DomainEvent } from '@credstream/event-sourcing';
import { captureTraceContext } from '@credstream/observability';
import { v7 as uuidv7 } from 'uuid';
import type { AppendMetadata } from './append-metadata';

export type Clock = () => Date;

/**
 * Wraps domain events in envelopes numbered from `firstVersion`. `data` goes through JSON so that what is
 * stored is exactly what is published (no `undefined`, Dates as ISO strings).
 */
export function toEnvelopes(
  streamId: string,
  firstVersion: number,
  events: readonly DomainEvent[],
  metadata: AppendMetadata,
  clock: Clock,
): EventEnvelope[] {
  const occurredAt = (metadata.occurredAt ?? clock()).toISOString();
  const trace = metadata.trace ?? captureTraceContext();
  return events.map((event, index) => {
    const envelope: EventEnvelope = {
      id: uuidv7(),
      type: event.type,
      source: metadata.source,
      aggregateType: metadata.aggregateType,
      aggregateId: metadata.aggregateId ?? streamId,
      aggregateVersion: firstVersion + index,
      tenantId: metadata.tenantId,
      occurredAt,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      data: JSON.parse(JSON.stringify(event.data ?? {})) as unknown,
    };
    if (trace.traceparent) envelope.traceparent = trace.traceparent;
    if (trace.tracestate) envelope.tracestate = trace.tracestate;
    return envelope;
  });
}
