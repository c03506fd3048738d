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
  const parent = restoreTraceContext({
    traceparent: headerText(headers, EVENT_HEADERS.traceparent) ?? event.traceparent,
    tracestate: headerText(headers, EVENT_HEADERS.tracestate) ?? event.tracestate,
  });
  const span = trace.getTracer(CONSUMER_TRACER).startSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': consumed.topic,
        'messaging.destination.partition.id': String(consumed.partition),
        'messaging.consumer.group.name': consumed.groupId,
        'messaging.kafka.offset': Number(consumed.offset),
        'messaging.kafka.message.key': event.aggregateId,
        'messaging.message.id': event.id,
        'credstream.event.type': event.type,
        'credstream.tenant.id': event.tenantId,
        'credstream.correlation.id': event.correlationId,
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
