import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { Registry } from 'prom-client';
import type { EventEnvelope } from '@credstream/contracts';
import type { DeadLetter } from '../dead-letter/dead-letter.publisher';
import { NonRetriableError } from '../errors/non-retriable.error';
import { ConsumerMetrics } from '../metrics/consumer.metrics';
import { retryPolicy } from '../retry/retry-policy';
import { TopicRouting } from '../routing/topic-routing';
import type { EventBatchResult } from '../server/event-batch-pattern';
import { testEvent } from '../testing/test-events';
import { EventBatchProcessor } from './event-batch.processor';
import { EventMessageProcessor } from './event-message.processor';
import { EventRunProcessor } from './event-run.processor';

const TOPIC = 'test.batches';
const BATCHED = 'credential.issued.v1';
const SINGLE = 'credential.revoked.v1';

const record = (event: EventEnvelope | string, offset: number): KafkaMessage => ({
  key: Buffer.from('aggregate-1'),
  value: Buffer.from(typeof event === 'string' ? event : JSON.stringify(event)),
  headers: {},
  offset: String(offset),
  timestamp: '0',
  attributes: 0,
});

/** A batch handler for BATCHED (at most 3 per call) and a single handler for SINGLE, over fake kafkajs batches. */
function setUp(batchHandler: (events: EventEnvelope[]) => Promise<EventBatchResult | undefined>) {
  const registry = new Registry();
  const metrics = new ConsumerMetrics('group-1', registry);
  const routing = new TopicRouting([BATCHED, SINGLE], { [BATCHED]: TOPIC, [SINGLE]: TOPIC });
  const calls: string[][] = [];
  const deadLetters: DeadLetter[] = [];
  const logger = { warn: () => undefined, error: () => undefined };
  const batch = async (events: EventEnvelope[]) => {
    calls.push(events.map((event) => event.id));
    return batchHandler(events);
  };
  const messages = new EventMessageProcessor({
    groupId: 'group-1',
    routing,
    invoke: async (event) => {
      if (event.type === SINGLE) return void calls.push([`single:${event.id}`]);
      const outcome = await batch([event]);
      const failure = outcome?.failures.find(({ index }) => index === 0);
      if (failure) throw failure.error;
    },
    deadLetters: { publish: async (letter) => void deadLetters.push(letter) },
    metrics,
    retry: retryPolicy({ maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 }),
    logger,
  });
  const processor = new EventBatchProcessor(messages, metrics, {
    routing,
    runs: new EventRunProcessor({ groupId: 'group-1', invokeBatch: batch, metrics, logger }),
    maxEventsOf: (type) => (type === BATCHED ? 3 : undefined),
    splitByOccurredAt: false,
  });
  const resolved: string[] = [];
  const run = (records: KafkaMessage[]) =>
    processor.process({
      batch: {
        topic: TOPIC,
        partition: 0,
        highWatermark: String(records.length),
        messages: records,
        firstOffset: () => records[0]?.offset ?? null,
      },
      resolveOffset: (offset: string) => void resolved.push(offset),
      heartbeat: async () => undefined,
      commitOffsetsIfNecessary: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload);
  return { run, calls, deadLetters, resolved };
}

describe('EventBatchProcessor with a batch handler', () => {
  it('hands consecutive events of the batched type over together, at most maxEvents at a time, in order', async () => {
    const { run, calls, resolved } = setUp(async () => undefined);
    const events = [testEvent(BATCHED), testEvent(BATCHED), testEvent(BATCHED), testEvent(BATCHED)];
    const single = testEvent(SINGLE);
    const last = testEvent(BATCHED);
    await run([...events, single, last].map((event, offset) => record(event, offset)));

    expect(calls).toEqual([
      events.slice(0, 3).map((event) => event.id),
      [events[3].id],
      [`single:${single.id}`],
      [last.id],
    ]);
    expect(resolved.at(-1)).toBe('5');
    expect(resolved.map(Number)).toEqual([...resolved.map(Number)].sort((a, b) => a - b));
  });

  it('handles the events a batch reported alone, dead-lettering refusals, before resolving their offsets', async () => {
    const refused = testEvent(BATCHED);
    const { run, calls, deadLetters, resolved } = setUp(async (events) => ({
      failures: events.flatMap((event, index) =>
        event.id === refused.id ? [{ index, error: new NonRetriableError('RECIPIENT_EMAIL_INVALID') }] : [],
      ),
    }));
    const ok = [testEvent(BATCHED), testEvent(BATCHED)];
    await run([ok[0], refused, ok[1]].map((event, offset) => record(event, offset)));

    expect(calls).toEqual([[ok[0].id, refused.id, ok[1].id], [refused.id]]);
    expect(deadLetters).toEqual([
      expect.objectContaining({ reason: 'non-retriable', error: expect.stringContaining('RECIPIENT_EMAIL_INVALID') }),
    ]);
    expect(resolved).toContain('2');
  });

  it('retries every event of a batch that threw, one at a time, and still dead-letters invalid records', async () => {
    let failing = true;
    const { run, calls, deadLetters, resolved } = setUp(async (events) => {
      if (events.length > 1 && failing) {
        failing = false;
        throw new Error('database unavailable');
      }
      return undefined;
    });
    const events = [testEvent(BATCHED), testEvent(BATCHED)];
    await run([record(events[0], 0), record('not json', 1), record(events[1], 2)]);

    expect(calls).toEqual([[events[0].id], [events[1].id]]);
    expect(deadLetters.map((letter) => letter.reason)).toEqual(['undecodable']);
    expect(resolved.at(-1)).toBe('2');

    const again = [testEvent(BATCHED), testEvent(BATCHED)];
    failing = true;
    calls.length = 0;
    await run(again.map((event, offset) => record(event, offset + 3)));
    expect(calls).toEqual([again.map((event) => event.id), [again[0].id], [again[1].id]]);
    expect(resolved.at(-1)).toBe('4');
  });
});
