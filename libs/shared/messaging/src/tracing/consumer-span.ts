import { context, Context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { EVENT_HEADERS, EventEnvelope, headerText, RawHeaders } from '@credstream/contracts';
import { restoreTraceContext } from '@credstream/observability';

export const CONSUMER_TRACER = 'credstream-consumer';

export interface ConsumedEvent {
  event: EventEnvelope;
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  headers: RawHeaders | undefined;
}

/** A started CONSUMER span `process <type>` and the context it continues (the producer's). */
export interface ConsumerSpan {
  span: Span;
  parent: Context;
}

/**
 * Starts a CONSUMER span `process <type>` that continues the producer's trace: the headers'
 * traceparent/tracestate, else the ones stored in the envelope. The caller ends it.
 */
export function startConsumerSpan(consumed: ConsumedEvent): ConsumerSpan {
  const { event, headers } = consumed;
  return startSpanOf(
    consumed,
    {
      type: event.type,
      id: event.id,
      key: event.aggregateId,
      traceparent: headerText(headers, EVENT_HEADERS.traceparent) ?? event.traceparent,
      tracestate: headerText(headers, EVENT_HEADERS.tracestate) ?? event.tracestate,
    },
    { 'credstream.tenant.id': event.tenantId, 'credstream.correlation.id': event.correlationId },
  );
}

/** A record as kafkajs delivers it, for consumers that decode its value elsewhere (on a worker thread). */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  key: Buffer | string | null;
  headers: RawHeaders | undefined;
}

/**
 * {@link startConsumerSpan} from the record's headers alone (`ce-type`, `ce-id`, traceparent/tracestate) and its
 * key (the aggregate id), for a consumer whose thread never parses the value. The caller ends it.
 */
export function startRecordSpan(record: ConsumedRecord): ConsumerSpan {
  const { headers } = record;
  return startSpanOf(record, {
    type: headerText(headers, EVENT_HEADERS.type) ?? 'event',
    id: headerText(headers, EVENT_HEADERS.id),
    key: record.key?.toString(),
    traceparent: headerText(headers, EVENT_HEADERS.traceparent),
    tracestate: headerText(headers, EVENT_HEADERS.tracestate),
  });
}

interface SpanFacts {
  type: string;
  id: string | undefined;
  key: string | undefined;
  traceparent: string | undefined;
  tracestate: string | undefined;
}

function startSpanOf(
  at: Pick<ConsumedRecord, 'topic' | 'partition' | 'offset' | 'groupId'>,
  facts: SpanFacts,
  extra: Record<string, string> = {},
): ConsumerSpan {
  const parent = restoreTraceContext({ traceparent: facts.traceparent, tracestate: facts.tracestate });
  const span = trace.getTracer(CONSUMER_TRACER).startSpan(
    `process ${facts.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': at.topic,
        'messaging.destination.partition.id': String(at.partition),
        'messaging.consumer.group.name': at.groupId,
        'messaging.kafka.offset': Number(at.offset),
        'messaging.kafka.message.key': facts.key,
        'messaging.message.id': facts.id,
        'credstream.event.type': facts.type,
        ...extra,
      },
    },
    parent,
  );
  return { span, parent };
}

/**
 * Runs `work` in a CONSUMER span `process <type>` that continues the producer's trace (see
 * {@link startConsumerSpan}). Everything `work` does (logs, appends, produced events) runs with this span active.
 */
export async function inConsumerSpan<T>(consumed: ConsumedEvent, work: (span: Span) => Promise<T>): Promise<T> {
  const { span, parent } = startConsumerSpan(consumed);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } finally {
    span.end();
  }
}

export function markSpanFailed(span: Span, error: unknown, message: string): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}
