import type { KafkaMessage } from 'kafkajs';
import { Registry } from 'prom-client';
import type { DeadLetter } from '../dead-letter/dead-letter.publisher';
import { NonRetriableError } from '../errors/non-retriable.error';
import { ConsumerMetrics } from '../metrics/consumer.metrics';
import { retryPolicy } from '../retry/retry-policy';
import { TopicRouting } from '../routing/topic-routing';
import type { KafkaEventContext } from '../server/kafka-event.context';
import { testEvent } from '../testing/test-events';
import { EventInvoker, EventMessageProcessor } from './event-message.processor';

const TOPIC = 'test.processor';

function recordOf(value: unknown, offset = '7'): KafkaMessage {
  return {
    key: Buffer.from('aggregate-1'),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: { 'ce-type': 'credential.issued.v1' },
    offset,
    timestamp: '0',
    attributes: 0,
  };
}

function setUp(invoke: EventInvoker, maxAttempts = 3) {
  const registry = new Registry();
  const deadLetters: DeadLetter[] = [];
  const processor = new EventMessageProcessor({
    groupId: 'group-1',
    routing: new TopicRouting(['credential.issued.v1'], { 'credential.issued.v1': TOPIC }),
    invoke,
    deadLetters: { publish: async (letter) => void deadLetters.push(letter) },
    metrics: new ConsumerMetrics('group-1', registry),
    retry: retryPolicy({ maxAttempts, initialDelayMs: 5, maxDelayMs: 20 }),
    logger: { warn: () => undefined, error: () => undefined },
  });
  let heartbeats = 0;
  let stopping = false;
  const controls = {
    heartbeat: async () => void heartbeats++,
    stopping: () => stopping,
  };
  const metric = async (name: string) => (await registry.getSingleMetricAsString(name)).split('\n');
  return {
    processor,
    deadLetters,
    controls,
    metric,
    heartbeats: () => heartbeats,
    stop: () => (stopping = true),
  };
}

describe('EventMessageProcessor', () => {
  it('hands a valid event and its delivery to the handler', async () => {
    const calls: [string, KafkaEventContext][] = [];
    const { processor, controls, metric } = setUp(async (event, context) => void calls.push([event.id, context]));
    const event = testEvent();
    await expect(processor.process(TOPIC, 2, recordOf(event), controls)).resolves.toBe('handled');
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toBe(event.id);
    expect(calls[0][1].delivery).toMatchObject({
      topic: TOPIC,
      partition: 2,
      offset: '7',
      key: 'aggregate-1',
      attempt: 1,
    });
    expect(await metric('credstream_events_processed_total')).toContain(
      'credstream_events_processed_total{group="group-1",type="credential.issued.v1"} 1',
    );
  });

  it('retries a failing handler with backoff, heartbeating meanwhile, until it succeeds', async () => {
    const attempts: number[] = [];
    const { processor, controls, deadLetters, heartbeats } = setUp(async (_event, context) => {
      attempts.push(context.getAttempt());
      if (attempts.length < 3) throw new Error('database unavailable');
    });
    await expect(processor.process(TOPIC, 0, recordOf(testEvent()), controls)).resolves.toBe('handled');
    expect(attempts).toEqual([1, 2, 3]);
    expect(deadLetters).toEqual([]);
    expect(heartbeats()).toBeGreaterThanOrEqual(2);
  });

  it('dead-letters after the last attempt with the last error', async () => {
    let calls = 0;
    const { processor, controls, deadLetters, metric } = setUp(async () => {
      calls++;
      throw new Error(`failure ${calls}`);
    });
    await expect(processor.process(TOPIC, 0, recordOf(testEvent()), controls)).resolves.toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(deadLetters).toEqual([
      expect.objectContaining({ reason: 'retries-exhausted', attempts: 3, error: 'Error: failure 3', topic: TOPIC }),
    ]);
    expect(await metric('credstream_events_failed_total')).toContain(
      'credstream_events_failed_total{group="group-1",type="credential.issued.v1",reason="handler-error"} 3',
    );
    expect(await metric('credstream_events_dead_lettered_total')).toContain(
      'credstream_events_dead_lettered_total{group="group-1",reason="retries-exhausted"} 1',
    );
  });

  it.each([
    ['as thrown', new NonRetriableError('issuer unknown')],
    ['after Nest’s default exception filter', { status: 'error', message: 'issuer unknown', nonRetriable: true }],
  ])('dead-letters a NonRetriableError (%s) without retrying', async (_how, error) => {
    let calls = 0;
    const { processor, controls, deadLetters } = setUp(async () => {
      calls++;
      throw error;
    });
    await expect(processor.process(TOPIC, 0, recordOf(testEvent()), controls)).resolves.toBe('dead-lettered');
    expect(calls).toBe(1);
    expect(deadLetters).toEqual([expect.objectContaining({ reason: 'non-retriable', attempts: 1 })]);
    expect(deadLetters[0].error).toContain('issuer unknown');
  });

  it('dead-letters an undecodable or invalid record without calling the handler', async () => {
    const invoke = jest.fn(async () => undefined);
    const { processor, controls, deadLetters } = setUp(invoke);
    await processor.process(TOPIC, 0, recordOf('{garbage'), controls);
    await processor.process(TOPIC, 0, recordOf(testEvent('credential.issued.v1', { data: {} })), controls);
    expect(invoke).not.toHaveBeenCalled();
    expect(deadLetters.map((letter) => [letter.reason, letter.attempts])).toEqual([
      ['undecodable', 0],
      ['invalid', 0],
    ]);
  });

  it('skips types it does not handle', async () => {
    const invoke = jest.fn(async () => undefined);
    const { processor, controls, deadLetters } = setUp(invoke);
    await expect(processor.process(TOPIC, 0, recordOf(testEvent('credential.revoked.v1')), controls)).resolves.toBe(
      'ignored',
    );
    expect(invoke).not.toHaveBeenCalled();
    expect(deadLetters).toEqual([]);
  });

  it('gives a message back (no dead letter) when shutdown interrupts its backoff', async () => {
    const setup = setUp(async () => {
      setup.stop();
      throw new Error('transient');
    });
    await expect(setup.processor.process(TOPIC, 0, recordOf(testEvent()), setup.controls)).resolves.toBe('interrupted');
    expect(setup.deadLetters).toEqual([]);
  });
});
