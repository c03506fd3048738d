import { createRelayProducer, EventRelay, MongoEventStore } from '@credstream/event-store';
import type { BenchEnv } from './bench-env';
import { benchEvent, benchMetadata, inParallel, seconds } from './bench-env';

/** Appends `streams × eventsPerStream` events, one event per append, `concurrency` appends in flight. */
export async function measureAppendRate(
  store: MongoEventStore,
  streams: number,
  eventsPerStream: number,
  concurrency: number,
) {
  const started = process.hrtime.bigint();
  await inParallel(streams, concurrency, async (s) => {
    const streamId = `stream-${s}`;
    for (let version = 0; version < eventsPerStream; version++) {
      await store.append(streamId, version, [benchEvent(version)], benchMetadata(streamId));
    }
  });
  return (streams * eventsPerStream) / seconds(started);
}

export function createRelay(env: BenchEnv, store: MongoEventStore, topic: string, batchSize: number) {
  const collectionPrefix = store.commits.collection.collectionName.replace(/commits$/, '');
  const producer = createRelayProducer(env.kafka);
  const relay = new EventRelay({
    connection: env.connection,
    collectionPrefix,
    producer,
    logger: env.logger,
    notifier: store.notifier,
    topicFor: () => topic,
    batchSize,
    idleMinDelayMs: 5,
    idleMaxDelayMs: 50,
  });
  return {
    relay,
    start: async () => {
      await producer.connect();
      await relay.start();
    },
    stop: async () => {
      await relay.stop();
      await producer.disconnect();
    },
  };
}

/** Publishes a backlog of `events` already in the store and resolves the rate at which the relay drained it. */
export async function measureRelayRate(
  env: BenchEnv,
  store: MongoEventStore,
  topic: string,
  events: number,
  batchSize: number,
) {
  const { relay, start, stop } = createRelay(env, store, topic, batchSize);
  const started = process.hrtime.bigint();
  await start();
  while ((await relay.lag()).events > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const rate = events / seconds(started);
  await stop();
  return rate;
}
