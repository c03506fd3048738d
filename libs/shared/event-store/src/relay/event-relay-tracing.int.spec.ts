import { contractFor } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Kafka, Producer } from 'kafkajs';
import { MongoEventStore } from '../store/mongo-event-store';
import {
  createTestTopics,
  openTestDatabase,
  readAll,
  silentLogger,
  TestDatabase,
  TestTopics,
  tenantEvents,
  tenantMetadata,
  testKafka,
  usePrivateMongo,
} from '../testing/event-store-test-env';
import { EventRelay } from './event-relay';
import { RELAY_TRACER } from './publish-span';
import { createRelayProducer } from './relay-producer';

jest.setTimeout(60_000);
usePrivateMongo();

describe('EventRelay trace continuity (FerretDB + Kafka)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager();
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topics: TestTopics;
  let relay: EventRelay | undefined;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    db = await openTestDatabase();
    kafka = testKafka();
    topics = await createTestTopics(kafka, 1);
    producer = createRelayProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await relay?.stop();
    await producer.disconnect();
    await topics.dispose();
    await db.dispose();
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('publishes each event in a PRODUCER span of the trace it was appended in, and hands that span to Kafka', async () => {
    const store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'tr_' });
    const requestTracer = trace.getTracer('test-http');
    const request = await requestTracer.startActiveSpan('POST /tenants', async (span) => {
      const result = await store.append('tenant-1', 0, tenantEvents(1), tenantMetadata());
      span.end();
      return { spanContext: span.spanContext(), event: result.events[0]! };
    });
    expect(request.event.traceparent).toBe(`00-${request.spanContext.traceId}-${request.spanContext.spanId}-01`);

    relay = new EventRelay({
      connection: db.connection,
      producer,
      logger: silentLogger,
      collectionPrefix: 'tr_',
      notifier: store.notifier,
      topicFor: (event) => (contractFor(event.type) ? topics.names[0] : undefined),
    });
    await relay.start();
    const running = relay;
    await waitFor(
      () => running.lag(),
      (lag) => lag.commits === 0,
      { what: 'lag 0' },
    );

    const publishSpans = exporter.getFinishedSpans().filter((span) => span.instrumentationScope.name === RELAY_TRACER);
    expect(publishSpans).toHaveLength(1);
    const publish = publishSpans[0]!;
    expect(publish.name).toBe(`publish ${request.event.type}`);
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(publish.spanContext().traceId).toBe(request.spanContext.traceId);
    expect(publish.parentSpanContext?.spanId).toBe(request.spanContext.spanId);
    expect(publish.attributes['messaging.message.id']).toBe(request.event.id);

    const [message] = await readAll(kafka, topics.names);
    expect(message!.headers['traceparent']).toBe(
      `00-${request.spanContext.traceId}-${publish.spanContext().spanId}-01`,
    );
    expect(message!.envelope).toEqual(request.event);
  });
});
