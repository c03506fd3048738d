import { EVENT_HEADERS, EventEnvelope, toKafkaMessage, toKafkaMessageOfJson } from '@credstream/contracts';
import { restoreTraceContext } from '@credstream/observability';
import { propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { OutgoingMessage } from './send-chunks';

export const RELAY_TRACER = 'credstream-relay';

export interface TracedMessage extends OutgoingMessage {
  span: Span;
}

/**
 * The Kafka message for an event, with a PRODUCER span that continues the trace the event was appended in.
 * The span's context replaces the stored trace context in the headers, so consumers become its children.
 */
export function tracedMessage(envelope: EventEnvelope, topic: string, json?: string): TracedMessage {
  const parent = restoreTraceContext(envelope);
  const span = trace.getTracer(RELAY_TRACER).startSpan(
    `publish ${envelope.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
        'messaging.message.id': envelope.id,
        'messaging.kafka.message.key': envelope.aggregateId,
      },
    },
    parent,
  );
  const message = json === undefined ? toKafkaMessage(envelope) : toKafkaMessageOfJson(envelope, json);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  if (carrier[EVENT_HEADERS.traceparent]) {
    message.headers[EVENT_HEADERS.traceparent] = carrier[EVENT_HEADERS.traceparent];
    delete message.headers[EVENT_HEADERS.tracestate];
    if (carrier[EVENT_HEADERS.tracestate])
      message.headers[EVENT_HEADERS.tracestate] = carrier[EVENT_HEADERS.tracestate];
  }
  return { topic, message, span };
}

export function endSpans(messages: readonly TracedMessage[], error?: unknown): void {
  for (const { span } of messages) {
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    span.end();
  }
}
