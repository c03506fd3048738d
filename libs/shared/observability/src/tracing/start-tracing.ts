import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';

export interface TracingOptions {
  serviceName: string;
  serviceVersion: string;
  /** OTLP/HTTP base endpoint, e.g. http://collector:4318. Without it spans are recorded (for log correlation) but not exported. */
  otlpEndpoint?: string;
  /** Share of new traces recorded (default 1); a caller's sampling decision is always followed. */
  sampleRatio?: number;
  /** Extra processors, e.g. an in-memory exporter in tests. */
  extraSpanProcessors?: SpanProcessor[];
}

export interface Tracing {
  shutdown(): Promise<void>;
}

const HEALTH_PATHS = /^\/health\//;

/**
 * Kafka is traced by credstream's own messaging layer, not by the generic kafkajs instrumentation:
 * the relay publishes a batch of events from many traces in one send, and that instrumentation would
 * stamp every message with the one context active at send time, overwriting each event's own trace.
 * The relay's `publish <type>` and the consumers' `process <type>` spans continue each event's trace.
 *
 * Starts the OpenTelemetry NodeSDK. Must run before Nest, kafkajs or mongoose are required,
 * because instrumentations patch modules as they load.
 */
export function startTracing(options: TracingOptions): Tracing {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.serviceVersion,
    }),
    autoDetectResources: false,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    spanProcessors: [...exportingProcessors(options.otlpEndpoint), ...(options.extraSpanProcessors ?? [])],
    // Explicitly empty: left unset, the SDK falls back to OTLP exporters from env defaults (localhost:4318),
    // and a periodic metric export that cannot connect delays every shutdown by seconds.
    logRecordProcessors: [],
    metricReaders: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => HEALTH_PATHS.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new MongoDBInstrumentation(),
      new MongooseInstrumentation(),
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

function exportingProcessors(otlpEndpoint: string | undefined): SpanProcessor[] {
  if (!otlpEndpoint) return [new NoopSpanProcessor()];
  const url = `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
  return [new BatchSpanProcessor(new OTLPTraceExporter({ url }))];
}
