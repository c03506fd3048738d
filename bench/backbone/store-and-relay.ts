import { createRelayProducer, EventRelay, MongoEventStore } from '@credstream/event-store';
import type { BenchEnv } from './bench-env';
import { benchEvents, benchMetadata, seconds } from './bench-env';

export interface AppendLoad {
  /** Total events appended. */
  events: number;
  eventsPerAppend: number;
  /** Appends in flight (each on its own stream; streams are reused round-robin). */
  concurrency: number;
}

export async function newStore(env: BenchEnv, prefix: string): Promise<MongoEventStore> {
  const store = new MongoEventStore({ connection: env.connection, collectionPrefix: prefix });
  await store.init();
  return store;
}

/**
 * Appends `events` events, `eventsPerAppend` per append, `concurrency` appenders in flight; each appender
 * appends one after the other to its own streams, with expected versions. Resolves events/s.
 */
export async function appendLoad(store: MongoEventStore, load: AppendLoad, streamPrefix = 'stream'): Promise<number> {
  const appends = Math.ceil(load.events / load.eventsPerAppend);
  let next = 0;
  const started = process.hrtime.bigint();
  const appender = async (worker: number) => {
    const versions = new Array<number>(STREAMS_PER_APPENDER).fill(0);
    for (let n = 0; next < appends; n++) {
      const i = next++;
      const s = n % STREAMS_PER_APPENDER;
      const streamId = `${streamPrefix}-${worker}-${s}`;
      const version = versions[s] ?? 0;
      await store.append(streamId, version, benchEvents(i, load.eventsPerAppend), benchMetadata(streamId));
      versions[s] = version + load.eventsPerAppend;
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, (_, worker) => appender(worker)));
  return (appends * load.eventsPerAppend) / seconds(started);
}

const STREAMS_PER_APPENDER = 8;

/** `calls` sequential `appendToNewStreams` of `streamsPerCall` one-event streams. Resolves streams/s. */
export async function newStreamsLoad(store: MongoEventStore, calls: number, streamsPerCall: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let call = 0; call < calls; call++) {
    const entries = Array.from({ length: streamsPerCall }, (_, i) => ({
      streamId: `new-${call}-${i}`,
      events: benchEvents(i, 1),
    }));
    await store.appendToNewStreams(entries, benchMetadata('batch'));
  }
  return (calls * streamsPerCall) / seconds(started);
}

export function createRelay(env: BenchEnv, store: MongoEventStore, topic: string) {
  const collectionPrefix = store.commits.collection.collectionName.replace(/commits$/, '');
  const producer = createRelayProducer(env.kafka);
  const relay = new EventRelay({
    connection: env.connection,
    collectionPrefix,
    producer,
    logger: env.logger,
    notifier: store.notifier,
    topicFor: () => topic,
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

/** Publishes a backlog of `events` already in the store; resolves events/s from start to the last acknowledgement. */
export async function measureRelayRate(env: BenchEnv, store: MongoEventStore, topic: string, events: number) {
  const { relay, start, stop } = createRelay(env, store, topic);
  const started = process.hrtime.bigint();
  await start();
  while (relay.metrics().published < events) await new Promise((resolve) => setTimeout(resolve, 5));
  const rate = events / seconds(started);
  await stop();
  return rate;
}
