import { validateEvent } from '@credstream/contracts';
import type { BenchEnv } from './bench-env';
import { seconds } from './bench-env';

export interface HandledEvent {
  id: string;
  occurredAt: string;
  handledAt: number;
}

/**
 * A consumer group on `topic` that validates each event against its contract and hands it to
 * `onEvent`; resolves `stop`. (Replaced by the messaging transport once it lands.)
 */
export async function startConsumer(
  env: BenchEnv,
  topic: string,
  groupId: string,
  onEvent: (event: HandledEvent) => void,
) {
  const consumer = env.kafka.consumer({ groupId, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const result = validateEvent(JSON.parse(String(message.value)));
        if (!result.valid) throw new Error(JSON.stringify(result.problems));
        onEvent({ id: result.event.id, occurredAt: result.event.occurredAt, handledAt: Date.now() });
      }
    },
  });
  return { stop: () => consumer.disconnect() };
}

/** Consumes `count` events already on `topic` and resolves events/s (timed from the first batch). */
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
