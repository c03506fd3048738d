import type { EventEnvelope } from '@credstream/contracts';
import { KafkaEventServer } from '@credstream/messaging';
import { Registry } from 'prom-client';
import type { BenchEnv } from './bench-env';
import { seconds } from './bench-env';

export interface HandledEvent {
  id: string;
  occurredAt: string;
  handledAt: number;
}

/**
 * The production consumer path: credstream's Kafka transport (decode, validate against the contract,
 * traced handler, offsets committed after handling) with a handler that only records the event.
 */
export async function startConsumer(
  env: BenchEnv,
  topic: string,
  groupId: string,
  onEvent: (event: HandledEvent) => void,
) {
  const server = new KafkaEventServer({
    kafka: env.kafka,
    groupId,
    topicOverrides: { 'share.viewed.v1': topic },
    partitionsConsumedConcurrently: 3,
    registry: new Registry(),
  });
  server.addHandler(
    'share.viewed.v1',
    async (event: EventEnvelope) => onEvent({ id: event.id, occurredAt: event.occurredAt, handledAt: Date.now() }),
    true,
  );
  await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  return { stop: () => server.close() };
}

/** Consumes `count` events already on `topic` and resolves events/s (timed from the first event handled). */
export async function measureConsumerRate(env: BenchEnv, topic: string, count: number) {
  let handled = 0;
  let firstAt = 0n;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const consumer = await startConsumer(env, topic, `bench-consumer-${env.runId}`, () => {
    if (firstAt === 0n) firstAt = process.hrtime.bigint();
    if (++handled >= count) resolveDone();
  });
  await done;
  const rate = count / seconds(firstAt);
  await consumer.stop();
  return rate;
}
