import type { IncomingMessage } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

/**
 * Server spans for requests an app serves in front of its framework (the fast lane, ADR 0009), where the generic HTTP
 * instrumentation never sees them.
 */
export interface ServerSpan {
  /** The context to run the request in: its trace continues into logs, events and outgoing calls. */
  context: Context;
  end(status: number): void;
}

const tracer = () => trace.getTracer('credstream-http');

/**
 * A server span continuing the caller's W3C trace context. The sampler decides: a request the sampler skips still
 * gets a trace id (for its logs and events) at almost no cost.
 */
export function startServerSpan(request: IncomingMessage, route: string): ServerSpan {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const method = request.method ?? 'GET';
  const span = tracer().startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
    parent,
  );
  if (span.isRecording()) span.setAttribute('url.path', request.url ?? route);
  return {
    context: trace.setSpan(parent, span),
    end: (status: number) => {
      if (span.isRecording()) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

/** Runs `work` in a span's context. */
export function withTraceContext<T>(spanContext: Context, work: () => T): T {
  return context.with(spanContext, work);
}
