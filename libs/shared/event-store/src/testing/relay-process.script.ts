/**
 * A relay in its own process, for the SIGKILL test (`node -r @swc-node/register relay-process.script.ts`).
 * After every acknowledged send it prints `sent <n>` and pauses before returning, so a kill right after the
 * line lands between "Kafka acknowledged" and "marked published" — the window that causes re-sends.
 */
import { contractFor } from '@credstream/contracts';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import pino from 'pino';
import { EventRelay } from '../relay/event-relay';
import { createRelayProducer, RelayProducer } from '../relay/relay-producer';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const topic = env('RELAY_TOPIC');
  const pauseMs = Number(env('RELAY_PAUSE_AFTER_SEND_MS'));
  const connection = await mongoose.createConnection().openUri(env('MONGODB_URI'));
  const kafka = new Kafka({
    clientId: 'relay-process',
    brokers: env('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = createRelayProducer(kafka);
  await producer.connect();
  let sends = 0;
  const slowProducer: RelayProducer = {
    sendBatch: async (batch) => {
      const result = await producer.sendBatch(batch);
      process.stdout.write(`sent ${++sends}\n`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      return result;
    },
  };
  const relay = new EventRelay({
    connection,
    producer: slowProducer,
    logger: pino({ level: 'warn' }, pino.destination(2)),
    collectionPrefix: env('RELAY_COLLECTION_PREFIX'),
    topicFor: (event) => (contractFor(event.type) ? topic : undefined),
    owner: env('RELAY_OWNER'),
    leaseTtlMs: Number(env('RELAY_LEASE_TTL_MS')),
    batchSize: Number(env('RELAY_BATCH_SIZE')),
  });
  await relay.start();
  process.stdout.write('started\n');
  process.once('SIGTERM', () => {
    void relay
      .stop()
      .then(() => Promise.all([producer.disconnect(), connection.close()]))
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
