import { Context, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

/** The W3C trace context as stored in an event envelope and carried in Kafka headers. */
export interface EventTraceContext {
  traceparent?: string;
  tracestate?: string;
}

/** Captures the active trace context (e.g. of the HTTP request appending an event) for storing with the event. */
export function captureTraceContext(from: Context = context.active()): EventTraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  const captured: EventTraceContext = {};
  if (carrier['traceparent']) captured.traceparent = carrier['traceparent'];
  if (carrier['tracestate']) captured.tracestate = carrier['tracestate'];
  return captured;
}

/** Rebuilds the context an event was produced in, so publishing and handling continue that trace. */
export function restoreTraceContext(stored: EventTraceContext): Context {
  if (!stored.traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent: stored.traceparent };
  if (stored.tracestate) carrier['tracestate'] = stored.tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}
