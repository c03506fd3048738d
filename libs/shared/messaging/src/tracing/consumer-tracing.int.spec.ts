import { context, propagation, SpanContext, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { EventEnvelope, toKafkaMessage } from '@credstream/contracts';
import { captureTraceContext } from '@credstream/observability';
import { KafkaEventServer } from '../server/kafka-event.server';
import { KafkaTestBed } from '../testing/kafka-test-bed';
import { testEvent } from '../testing/test-events';
import { waitUntil } from '../testing/wait-until';
import { CONSUMER_TRACER } from './consumer-span';

jest.setTimeout(90_000);

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('consumer tracing', () => {
  let bed: KafkaTestBed;
  let server: KafkaEventServer | undefined;

  beforeEach(async () => {
    bed = await KafkaTestBed.start();
    exporter.reset();
  });

  afterEach(async () => {
    await server?.close();
    await bed.cleanUp();
  });

  async function consume(topic: string, groupId: string, seen: Map<string, SpanContext | undefined>): Promise<void> {
    server = new KafkaEventServer({ kafka: bed.kafka, groupId, topicOverrides: { 'credential.issued.v1': topic } });
    server.addHandler(
      'credential.issued.v1',
      async (event: EventEnvelope) => void seen.set(event.id, trace.getActiveSpan()?.spanContext()),
      true,
    );
    await new Promise<void>((resolve, reject) =>
      server!.listen((error?: unknown) => (error ? reject(error) : resolve())),
    );
  }

  it('continues the producer’s trace from the headers (or the envelope) in a CONSUMER span active in the handler', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const producerSpan = trace.getTracer('test-producer').startSpan('POST /credentials');
    const produced = context.with(trace.setSpan(context.active(), producerSpan), () => captureTraceContext());
    producerSpan.end();
    const viaHeaders = testEvent('credential.issued.v1', produced);
    const viaEnvelopeOnly = testEvent('credential.issued.v1', produced);
    const withoutHeaders = { ...toKafkaMessage(viaEnvelopeOnly), headers: {} };
    await bed.produce(topic, [toKafkaMessage(viaHeaders), withoutHeaders]);

    const seen = new Map<string, SpanContext | undefined>();
    await consume(topic, groupId, seen);
    await waitUntil(() => seen.size === 2, 'both events handled');
    await waitUntil(
      () => exporter.getFinishedSpans().filter((span) => span.name.startsWith('process')).length === 2,
      'spans ended',
    );

    const consumerSpans = exporter
      .getFinishedSpans()
      .filter((span) => span.instrumentationScope.name === CONSUMER_TRACER);
    for (const event of [viaHeaders, viaEnvelopeOnly]) {
      const span = consumerSpans.find((candidate) => candidate.attributes['messaging.message.id'] === event.id)!;
      expect(span.name).toBe('process credential.issued.v1');
      expect(span.kind).toBe(SpanKind.CONSUMER);
      expect(span.spanContext().traceId).toBe(producerSpan.spanContext().traceId);
      expect(span.parentSpanContext?.spanId).toBe(producerSpan.spanContext().spanId);
      expect(span.attributes['messaging.destination.name']).toBe(topic);
      expect(seen.get(event.id)).toEqual(span.spanContext());
    }
  });
});
