import type { BenchEnv } from './bench-env';
import { seconds } from './bench-env';

/**
 * The ceilings of this machine for the same message size: kafkajs producing in large batches and
 * consuming with eachBatch, with no store, validation or handler in the way.
 */
export async function measureKafkaCeilings(env: BenchEnv, messageValue: string, count: number) {
  const topic = await env.newTopic('ceiling');
  const producer = env.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const batch = 1000;
  const started = process.hrtime.bigint();
  for (let offset = 0; offset < count; offset += batch) {
    const messages = Array.from({ length: Math.min(batch, count - offset) }, (_, i) => ({
      key: `aggregate-${(offset + i) % 5000}`,
      value: messageValue,
    }));
    await producer.send({ topic, messages, acks: -1 });
  }
  const produceRate = count / seconds(started);
  await producer.disconnect();

  const consumer = env.kafka.consumer({ groupId: `bench-ceiling-${env.runId}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  let consumeStarted = 0n;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch: fetched }) => {
        if (consumeStarted === 0n) consumeStarted = process.hrtime.bigint();
        for (const message of fetched.messages) JSON.parse(String(message.value));
        consumed += fetched.messages.length;
        if (consumed >= count) resolve();
      },
    });
  });
  await done;
  const consumeRate = count / seconds(consumeStarted);
  await consumer.disconnect();
  return { produceRate, consumeRate };
}
