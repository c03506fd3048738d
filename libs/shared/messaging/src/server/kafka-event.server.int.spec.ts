import { Controller, INestApplication, Inject, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Registry } from 'prom-client';
import type { EventEnvelope } from '@credstream/contracts';
import { businessNow, currentRequestContext, RequestContext } from '@credstream/observability';
import { DEAD_LETTER_HEADERS } from '../dead-letter/dead-letter.headers';
import { KafkaEventErrorFilter } from '../errors/kafka-event-error.filter';
import { NonRetriableError } from '../errors/non-retriable.error';
import type { RetryPolicy } from '../retry/retry-policy';
import { KafkaTestBed } from '../testing/kafka-test-bed';
import { testEvent } from '../testing/test-events';
import { waitUntil } from '../testing/wait-until';
import { EventBatchPattern, KafkaEventBatchContext, type EventBatchResult } from './event-batch-pattern';
import { KafkaEventContext } from './kafka-event.context';
import { KafkaEventServer } from './kafka-event.server';

jest.setTimeout(90_000);

type IssuedHandler = (event: EventEnvelope, context: KafkaEventContext) => Promise<void>;
const HANDLER = Symbol('HANDLER');

@Controller()
@UseFilters(KafkaEventErrorFilter)
class CredentialIssuedConsumer {
  constructor(@Inject(HANDLER) private readonly handle: IssuedHandler) {}

  @EventPattern('credential.issued.v1')
  async onIssued(@Payload() event: EventEnvelope, @Ctx() context: KafkaEventContext): Promise<void> {
    await this.handle(event, context);
  }
}

interface ConsumerApp {
  app: INestApplication;
  registry: Registry;
}

async function startConsumerApp(
  bed: KafkaTestBed,
  topic: string,
  groupId: string,
  handle: IssuedHandler,
  retry: Partial<RetryPolicy> = { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
  inheritOccurredAt = false,
): Promise<ConsumerApp> {
  const registry = new Registry();
  @Module({
    controllers: [CredentialIssuedConsumer],
    providers: [{ provide: HANDLER, useValue: handle }],
  })
  class ConsumerModule {}
  const app = await NestFactory.create(ConsumerModule, { logger: false });
  app.connectMicroservice({
    strategy: new KafkaEventServer({
      kafka: bed.kafka,
      groupId,
      topicOverrides: { 'credential.issued.v1': topic },
      retry,
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      registry,
      inheritOccurredAt,
    }),
  });
  await app.startAllMicroservices();
  await app.init();
  return { app, registry };
}

describe('KafkaEventServer (Nest transport, real Kafka)', () => {
  let bed: KafkaTestBed;
  const apps: INestApplication[] = [];

  beforeEach(async () => {
    bed = await KafkaTestBed.start();
  });

  afterEach(async () => {
    await Promise.allSettled(apps.splice(0).map((app) => app.close()));
    await bed.cleanUp();
  });

  async function start(...args: Parameters<typeof startConsumerApp>): Promise<ConsumerApp> {
    const started = await startConsumerApp(...args);
    apps.push(started.app);
    return started;
  }

  it('delivers events to @EventPattern handlers in order and commits each offset only after handling', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const events = [1, 2, 3].map((version) => testEvent('credential.issued.v1', { aggregateVersion: version }));
    const handled: string[] = [];
    const committedWhileHandling: number[] = [];
    const { registry } = await start(bed, topic, groupId, async (event, context) => {
      committedWhileHandling.push(await bed.committedOffset(groupId, topic));
      expect(context.getTopic()).toBe(topic);
      handled.push(event.id);
    });
    await bed.produceEvents(topic, events);

    await waitUntil(() => handled.length === 3, 'three events handled');
    await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 3, 'offset 3 committed');
    expect(handled).toEqual(events.map((event) => event.id));
    // The committed offset is the next one to read: never past the message being handled.
    committedWhileHandling.forEach((committed, index) => expect(committed).toBeLessThanOrEqual(index));

    const metrics = await registry.metrics();
    expect(metrics).toContain(`credstream_events_processed_total{group="${groupId}",type="credential.issued.v1"} 3`);
    expect(metrics).toContain(`credstream_consumer_lag{group="${groupId}",topic="${topic}",partition="0"} 0`);
    expect(metrics).toContain('credstream_event_handle_duration_seconds_bucket');
  });

  it('dead-letters undecodable and schema-invalid records with their reasons and handles the records behind them', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const [first, last] = [testEvent(), testEvent()];
    const invalid = testEvent('credential.issued.v1', { data: { credentialId: 'not-a-uuid' } });
    const handled: string[] = [];
    await bed.produce(topic, [
      { key: first.aggregateId, value: JSON.stringify(first) },
      { key: 'k-invalid', value: JSON.stringify(invalid), headers: { 'ce-type': invalid.type, custom: 'kept' } },
      { key: 'k-garbage', value: '{not json' },
      { key: last.aggregateId, value: JSON.stringify(last) },
    ]);
    const { registry } = await start(bed, topic, groupId, async (event) => void handled.push(event.id));

    await waitUntil(() => handled.length === 2, 'the valid events handled');
    expect(handled).toEqual([first.id, last.id]);
    await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 4, 'all four offsets committed');

    // Dead letters keep their original keys, so they may land on different DLQ partitions: match them by key.
    const letters = await bed.read(`${groupId}.dlq`, 2);
    const letterWithKey = (key: string) => {
      const letter = letters.find((record) => record.key?.toString() === key);
      if (!letter) throw new Error(`no dead letter with key ${key}`);
      return letter;
    };
    const [invalidLetter, garbageLetter] = [letterWithKey('k-invalid'), letterWithKey('k-garbage')];
    const header = (record: typeof invalidLetter, name: string) => record.headers?.[name]?.toString();
    expect(invalidLetter.key?.toString()).toBe('k-invalid');
    expect(invalidLetter.value?.toString()).toBe(JSON.stringify(invalid));
    expect(header(invalidLetter, 'custom')).toBe('kept');
    expect(header(invalidLetter, 'ce-type')).toBe('credential.issued.v1');
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.originalTopic)).toBe(topic);
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.originalPartition)).toBe('0');
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.originalOffset)).toBe('1');
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.consumerGroup)).toBe(groupId);
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.reason)).toBe('invalid');
    expect(header(invalidLetter, DEAD_LETTER_HEADERS.attempts)).toBe('0');
    expect(JSON.parse(header(invalidLetter, DEAD_LETTER_HEADERS.error)!)).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'data.credentialId' })]),
    );
    expect(new Date(header(invalidLetter, DEAD_LETTER_HEADERS.failedAt)!).toISOString()).toBe(
      header(invalidLetter, DEAD_LETTER_HEADERS.failedAt),
    );
    expect(garbageLetter.value?.toString()).toBe('{not json');
    expect(header(garbageLetter, DEAD_LETTER_HEADERS.reason)).toBe('undecodable');
    expect(header(garbageLetter, DEAD_LETTER_HEADERS.originalOffset)).toBe('2');

    const deadLettered = await registry.getSingleMetricAsString('credstream_events_dead_lettered_total');
    expect(deadLettered).toContain(`{group="${groupId}",reason="invalid"} 1`);
    expect(deadLettered).toContain(`{group="${groupId}",reason="undecodable"} 1`);
  });

  it('retries a transiently failing handler with backoff until it succeeds, without dead-lettering', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const attempts: number[] = [];
    await start(bed, topic, groupId, async (_event, context) => {
      attempts.push(context.getAttempt());
      if (attempts.length < 3) throw new Error('projection store unavailable');
    });
    await bed.produceEvents(topic, [testEvent()]);

    await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 1, 'offset committed');
    expect(attempts).toEqual([1, 2, 3]);
    expect(await bed.endOffset(`${groupId}.dlq`)).toBe(0);
  });

  it('dead-letters a permanently failing event after the last attempt, and a NonRetriableError at once; the partition goes on', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const [poison, rejected, healthy] = [testEvent(), testEvent(), testEvent()];
    const calls = new Map<string, number>();
    await start(bed, topic, groupId, async (event) => {
      calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
      if (event.id === poison.id) throw new Error('achievement definition missing');
      if (event.id === rejected.id) throw new NonRetriableError('issuer is archived');
    });
    await bed.produceEvents(topic, [poison, rejected, healthy]);

    await waitUntil(() => calls.get(healthy.id) === 1, 'the event behind the poison message handled');
    expect(calls.get(poison.id)).toBe(3);
    expect(calls.get(rejected.id)).toBe(1);
    await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 3, 'all offsets committed');

    const letters = await bed.read(`${groupId}.dlq`, 2);
    const summary = letters.map((letter) => ({
      id: JSON.parse(letter.value!.toString()).id,
      reason: letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString(),
      attempts: letter.headers?.[DEAD_LETTER_HEADERS.attempts]?.toString(),
      error: letter.headers?.[DEAD_LETTER_HEADERS.error]?.toString(),
    }));
    expect(summary).toEqual([
      { id: poison.id, reason: 'retries-exhausted', attempts: '3', error: 'Error: achievement definition missing' },
      { id: rejected.id, reason: 'non-retriable', attempts: '1', error: 'NonRetriableError: issuer is archived' },
    ]);
  });

  it('closes gracefully with the app: the message in hand finishes and is committed, nothing more is fetched', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const [first, second] = [testEvent(), testEvent()];
    const handled: string[] = [];
    let started = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { app } = await start(bed, topic, groupId, async (event) => {
      started = true;
      await gate;
      handled.push(event.id);
    });
    await bed.produceEvents(topic, [first, second]);
    await waitUntil(() => started, 'the first event in hand');

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closed).toBe(false);
    release();
    await closing;

    expect(handled).toEqual([first.id]);
    expect(await bed.committedOffset(groupId, topic)).toBe(1);
  });

  it.each([
    [true, '2026-02-03T04:05:06.000Z'],
    [false, 'now'],
  ])(
    'with inheritOccurredAt %s, handles an event as of %s, in its correlation and tenant',
    async (inherit, expected) => {
      const topic = await bed.createTopic();
      const groupId = bed.groupId();
      const event = testEvent('credential.issued.v1', { occurredAt: '2026-02-03T04:05:06.000Z', tenantId: 'tenant-9' });
      const seen: { now: Date; context: RequestContext | undefined }[] = [];
      await bed.produceEvents(topic, [event]);
      const retry = { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 };
      await start(
        bed,
        topic,
        groupId,
        async () => void seen.push({ now: businessNow(), context: currentRequestContext() }),
        retry,
        inherit,
      );

      await waitUntil(() => seen.length === 1, 'the event handled');
      const [{ now, context }] = seen as [(typeof seen)[number]];
      if (expected === 'now') expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(30_000);
      else expect(now.toISOString()).toBe(expected);
      expect(context).toMatchObject({ correlationId: event.correlationId, tenantId: 'tenant-9' });
    },
  );
});

const BATCH_HANDLER = Symbol('BATCH_HANDLER');
type BatchHandler = (events: EventEnvelope[], context: KafkaEventBatchContext) => Promise<EventBatchResult>;

@Controller()
@UseFilters(KafkaEventErrorFilter)
class CredentialIssuedBatchConsumer {
  constructor(@Inject(BATCH_HANDLER) private readonly handle: BatchHandler) {}

  @EventBatchPattern('credential.issued.v1', { maxEvents: 50 })
  onIssued(@Payload() events: EventEnvelope[], @Ctx() context: KafkaEventBatchContext): Promise<EventBatchResult> {
    return this.handle(events, context);
  }
}

describe('KafkaEventServer with an @EventBatchPattern handler (real Kafka)', () => {
  it('hands events over in batches, dead-letters the ones reported as refused, and commits after all', async () => {
    const bed = await KafkaTestBed.start();
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const events = Array.from({ length: 30 }, (_, i) => testEvent('credential.issued.v1', { aggregateVersion: i + 1 }));
    const refused = events[7];
    const calls: { ids: string[]; deliveries: number; traced: boolean }[] = [];
    await bed.produceEvents(topic, events);
    @Module({
      controllers: [CredentialIssuedBatchConsumer],
      providers: [
        {
          provide: BATCH_HANDLER,
          useValue: (async (batch, context) => {
            calls.push({
              ids: batch.map((event) => event.id),
              deliveries: context.deliveries.length,
              traced: batch.every((_, index) => context.traceOf(index) !== undefined),
            });
            const index = batch.findIndex((event) => event.id === refused.id);
            return { failures: index < 0 ? [] : [{ index, error: new NonRetriableError('REFUSED: no') }] };
          }) satisfies BatchHandler,
        },
      ],
    })
    class BatchModule {}
    const app = await NestFactory.create(BatchModule, { logger: false });
    try {
      app.connectMicroservice({
        strategy: new KafkaEventServer({
          kafka: bed.kafka,
          groupId,
          topicOverrides: { 'credential.issued.v1': topic },
          retry: { maxAttempts: 2, initialDelayMs: 20, maxDelayMs: 50 },
          sessionTimeoutMs: 10_000,
          heartbeatIntervalMs: 1_000,
          registry: new Registry(),
        }),
      });
      await app.startAllMicroservices();
      await app.init();

      await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 30, 'all 30 offsets committed');
      const [letter] = await bed.read(`${groupId}.dlq`, 1);
      expect(letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toBe('non-retriable');
      expect(letter.headers?.[DEAD_LETTER_HEADERS.error]?.toString()).toContain('REFUSED');
      expect(JSON.parse(letter.value?.toString() ?? '{}')).toMatchObject({ id: refused.id });
      // One batch (or a few, as kafkajs fetched them) in order, then the refused event alone.
      const batched = calls.filter((call) => call.ids.length > 1 || call.ids[0] !== refused.id);
      expect(batched.flatMap((call) => call.ids)).toEqual(events.map((event) => event.id));
      expect(batched.length).toBeLessThan(30);
      expect(calls.at(-1)?.ids).toEqual([refused.id]);
      expect(calls.every((call) => call.deliveries === call.ids.length && call.traced)).toBe(true);
    } finally {
      await app.close();
      await bed.cleanUp();
    }
  });
});
