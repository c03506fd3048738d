import type { EventEnvelope } from '@credstream/contracts';
import type { DomainEvent } from '@credstream/event-sourcing';
import { captureTraceContext } from '@credstream/observability';
import { v7 as uuidv7 } from 'uuid';
import type { AppendMetadata } from './append-metadata';

export type Clock = () => Date;

/** Envelopes as they are stored and published, and their JSON text (what the commit document holds). */
export interface StoredEnvelopes {
  envelopes: EventEnvelope[];
  json: string;
  /** Each envelope's own JSON text (`json` is their array): the relay publishes these without serialising again. */
  eventJson: string[];
}

/**
 * Wraps domain events in envelopes numbered from `firstVersion`. The envelopes go through JSON once, so that
 * what is stored is exactly what is published (no `undefined`, Dates as ISO strings), and the text is kept for
 * the commit document instead of serialising the events a second time.
 */
export function toStoredEnvelopes(
  streamId: string,
  firstVersion: number,
  events: readonly DomainEvent[],
  metadata: AppendMetadata,
  clock: Clock,
): StoredEnvelopes {
  const occurredAt = (metadata.occurredAt ?? clock()).toISOString();
  const trace = metadata.trace ?? captureTraceContext();
  const drafts = events.map((event, index) => {
    const envelope: Omit<EventEnvelope, 'data'> & { data: unknown } = {
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
      data: event.data ?? {},
    };
    const eventTrace = metadata.eventTraces?.[index] ?? trace;
    if (eventTrace.traceparent) envelope.traceparent = eventTrace.traceparent;
    if (eventTrace.tracestate) envelope.tracestate = eventTrace.tracestate;
    return envelope;
  });
  const eventJson = drafts.map((draft) => JSON.stringify(draft));
  const json = `[${eventJson.join(',')}]`;
  return { envelopes: JSON.parse(json) as EventEnvelope[], json, eventJson };
}
