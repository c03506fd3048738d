import { EventEnvelope, TOPICS } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Kafka } from 'kafkajs';
import { EventStoreThreadError } from '../errors/event-store-thread.error';
import { MongoEventStore } from '../store/mongo-event-store';
import {
  KAFKA_BROKERS,
  openTestDatabase,
  silentLogger,
  TestDatabase,
  tenantEvents,
  tenantMetadata,
  testKafka,
  uniqueName,
} from '../testing/event-store-test-env';
import { EventStoreThread } from './event-store-thread';
import type { EventStoreThreadSettings } from './event-store-thread.protocol';

jest.setTimeout(120_000);

const TOPIC = TOPICS.issuanceTenant;

/** The messages on the topic after `from` (offsets taken before the test appended) keyed by one of `keys`: `expected` of them, or what came within 20 s. */
async function messagesFor(
  kafka: Kafka,
  from: Map<number, string>,
  keys: Set<string>,
  expected: number,
): Promise<EventEnvelope[]> {
  const groupId = uniqueName('thread-test');
  await startGroupAt(kafka, groupId, from);
  const consumer = kafka.consumer({ groupId });
  const received: EventEnvelope[] = [];
  let done: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!keys.has(message.key?.toString() ?? '')) return;
      received.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope);
      if (received.length >= expected) done();
    },
  });
  const timer = setTimeout(done, 20_000);
  await complete;
  clearTimeout(timer);
  await consumer.disconnect();
  return received;
}

/** Commits `from` for a new group before it joins (seeking right after `run` races the group's start). */
async function startGroupAt(kafka: Kafka, groupId: string, from: Map<number, string>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = [...from].map(([partition, offset]) => ({ partition, offset }));
    await admin.setOffsets({ groupId, topic: TOPIC, partitions });
  } finally {
    await admin.disconnect();
  }
}

async function offsetsNow(kafka: Kafka): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: TOPIC }], waitForLeaders: true }).catch(() => false);
    return new Map((await admin.fetchTopicOffsets(TOPIC)).map(({ partition, high }) => [partition, high]));
  } finally {
    await admin.disconnect();
  }
}

describe('EventStoreThread (a worker thread on FerretDB + Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let settings: EventStoreThreadSettings;
  const threads: EventStoreThread[] = [];

  const startThread = (overrides: Partial<EventStoreThreadSettings> = {}): EventStoreThread => {
    const thread = new EventStoreThread({ ...settings, ...overrides }, silentLogger, { restartDelayMs: 200 });
    threads.push(thread);
    thread.start();
    return thread;
  };

  beforeEach(async () => {
    db = await openTestDatabase();
    kafka = testKafka();
    settings = {
      name: 'test-thread',
      serviceName: 'test',
      logLevel: 'silent',
      mongoUri: db.uri,
      kafka: { KAFKA_BROKERS, KAFKA_SSL: false } as EventStoreThreadSettings['kafka'],
      collectionPrefix: 'facts_',
      relayTuning: { idleMaxDelayMs: 100 },
    };
  });

  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.close()));
    await db.dispose();
  });

  it('stores appends in its own collections and its relay publishes them to Kafka, in order and keyed', async () => {
    const from = await offsetsNow(kafka);
    const thread = startThread();
    const tenant = `tenant-${randomUUID()}`;
    const first = await thread.append(tenant, 'no-stream', tenantEvents(3), tenantMetadata());
    const second = await thread.append(tenant, 3, tenantEvents(2, 3), tenantMetadata());
    const batch = await thread.appendToNewStreams(
      [
        { streamId: `${tenant}-a`, events: tenantEvents(2), aggregateId: tenant },
        { streamId: `${tenant}-b`, events: tenantEvents(1) },
      ],
      tenantMetadata(),
    );
    expect([first, second]).toEqual([
      { streamId: tenant, version: 3 },
      { streamId: tenant, version: 5 },
    ]);
    expect(batch).toEqual([
      { streamId: `${tenant}-a`, version: 2 },
      { streamId: `${tenant}-b`, version: 1 },
    ]);
    await thread.close();

    const store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'facts_' });
    const stored = await store.readStream(tenant);
    expect(stored.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(await new MongoEventStore({ connection: db.connection }).readStream(tenant)).toEqual([]);
    // close() returned once the relay published everything.
    const published = await messagesFor(kafka, from, new Set([tenant, `${tenant}-b`]), 8);
    expect(published).toHaveLength(8);
    expect(published.map((event) => event.id)).toEqual(expect.arrayContaining(stored.map((event) => event.id)));
    const ofTenantStream = published.filter((event) => stored.some((s) => s.id === event.id));
    expect(ofTenantStream.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stores a large append posted in parts as the one append it is: every stream whole, in order', async () => {
    const thread = startThread();
    const tenant = `tenant-${randomUUID()}`;
    const entries = [
      { streamId: `${tenant}-long`, events: tenantEvents(1_234), aggregateId: tenant },
      { streamId: `${tenant}-short`, events: tenantEvents(3) },
    ];
    const appended = await thread.appendToNewStreams(entries, tenantMetadata());
    expect(appended).toEqual([
      { streamId: `${tenant}-long`, version: 1_234 },
      { streamId: `${tenant}-short`, version: 3 },
    ]);
    const store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'facts_' });
    const long = await store.readStream(`${tenant}-long`);
    expect(long.map((event) => event.aggregateVersion)).toEqual(entries[0].events.map((_, n) => n + 1));
    expect(long.map((event) => event.data)).toEqual(entries[0].events.map((event) => event.data));
    expect(new Set(long.map((event) => event.aggregateId))).toEqual(new Set([tenant]));
    expect(await store.readStream(`${tenant}-short`)).toHaveLength(3);
  });

  it('reports a refused append as an error naming the store’s reason, and stores nothing for it', async () => {
    const thread = startThread();
    const stream = `tenant-${randomUUID()}`;
    await thread.append(stream, 'no-stream', tenantEvents(1), tenantMetadata());
    const refused = thread.append(stream, 'no-stream', tenantEvents(1), tenantMetadata());
    await expect(refused).rejects.toBeInstanceOf(EventStoreThreadError);
    await expect(refused).rejects.toMatchObject({ workerError: 'StreamVersionConflictError' });
    const store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'facts_' });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('restarts a worker that died: what was in flight fails, later appends succeed', async () => {
    const thread = startThread();
    await thread.append(`tenant-${randomUUID()}`, 'no-stream', tenantEvents(1), tenantMetadata());
    const worker = Reflect.get(thread, 'worker') as { terminate(): Promise<number> };
    const inFlight = thread.append(`tenant-${randomUUID()}`, 'no-stream', tenantEvents(1), tenantMetadata());
    await worker.terminate();
    await expect(inFlight).rejects.toThrow(/exited|not running/);
    const stream = `tenant-${randomUUID()}`;
    await waitFor(
      () =>
        thread.append(stream, 'any', tenantEvents(1), tenantMetadata()).then(
          () => true,
          () => false,
        ),
      (appended) => appended,
      { what: 'an append after the restart' },
    );
    const store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'facts_' });
    expect((await store.readStream(stream)).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses appends within seconds while MongoDB is unreachable, instead of holding them', async () => {
    const thread = startThread({ mongoUri: 'mongodb://127.0.0.1:1/nowhere' });
    const started = Date.now();
    await expect(thread.append('tenant-x', 'any', tenantEvents(1), tenantMetadata())).rejects.toThrow(
      /no MongoDB connection/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(thread.metrics()).toMatchObject({ storeReady: false, inFlight: 0 });
  });

  it('runs its worker at the nice value it is given, and no other thread of the process', async () => {
    const niceOf = () =>
      readdirSync('/proc/self/task').map((task) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const before = niceOf().filter((nice) => nice === 7).length;
    const thread = startThread({ niceness: 7 });
    await thread.append(`tenant-${randomUUID()}`, 'no-stream', tenantEvents(1), tenantMetadata());
    expect(niceOf().filter((nice) => nice === 7)).toHaveLength(before + 1);
  });

  it('refuses appends once closed', async () => {
    const thread = startThread();
    await thread.close();
    await expect(thread.append('tenant-y', 'any', tenantEvents(1), tenantMetadata())).rejects.toThrow(/not running/);
  });
});
