import { contractFor, EventEnvelope } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';
import type { Kafka, Producer } from 'kafkajs';
import { CommitLog } from '../commits/commit-log';
import { MongoEventStore } from '../store/mongo-event-store';
import {
  checkDelivery,
  createTestTopics,
  delay,
  openTestDatabase,
  readAll,
  silentLogger,
  TestDatabase,
  TestTopics,
  tenantEvents,
  tenantMetadata,
  testKafka,
  usePrivateMongo,
} from '../testing/event-store-test-env';
import { EventRelay } from './event-relay';
import type { EventRelayOptions } from './relay-options';
import { createRelayProducer, RelayProducer } from './relay-producer';

jest.setTimeout(120_000);
usePrivateMongo();

/** Sends for real `healthySends` times, then sends once more and "crashes" before the relay can mark; then dead. */
class CrashingProducer implements RelayProducer {
  sends = 0;
  crashed = false;
  messagesInCrashedSend = 0;

  constructor(
    private readonly inner: RelayProducer,
    private readonly healthySends: number,
  ) {}

  async sendBatch(batch: Parameters<RelayProducer['sendBatch']>[0]): ReturnType<RelayProducer['sendBatch']> {
    if (this.crashed) throw new Error('producer is dead');
    const result = await this.inner.sendBatch(batch);
    this.sends += 1;
    if (this.sends > this.healthySends) {
      this.crashed = true;
      this.messagesInCrashedSend = (batch.topicMessages ?? []).reduce((sum, topic) => sum + topic.messages.length, 0);
      throw new Error('simulated crash after send, before marking published');
    }
    return result;
  }
}

describe('EventRelay (FerretDB + Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topics: TestTopics;
  let store: MongoEventStore;
  const relays: EventRelay[] = [];

  const relay = (overrides: Partial<EventRelayOptions> = {}): EventRelay => {
    const topic = topics.names[0]!;
    const created = new EventRelay({
      connection: db.connection,
      producer,
      logger: silentLogger,
      collectionPrefix: 't_',
      notifier: store.notifier,
      topicFor: (event) => (contractFor(event.type) ? topic : undefined),
      leaseTtlMs: 3_000,
      batchSize: 4,
      ...overrides,
    });
    relays.push(created);
    return created;
  };

  /** `streams` streams, each with `commits` appends of 2 events. */
  const appendMany = async (streams: number, commits: number, prefix = 'tenant'): Promise<EventEnvelope[]> => {
    const appended: EventEnvelope[][] = await Promise.all(
      Array.from({ length: streams }, async (_, s) => {
        const events: EventEnvelope[] = [];
        for (let c = 0; c < commits; c++) {
          const result = await store.append(`${prefix}-${s}`, c * 2, tenantEvents(2, c), tenantMetadata());
          events.push(...result.events);
        }
        return events;
      }),
    );
    return appended.flat();
  };

  const drained = (watcher: EventRelay) =>
    waitFor(
      () => watcher.lag(),
      (lag) => lag.commits === 0,
      { timeoutMs: 60_000, intervalMs: 100, what: 'lag 0' },
    );

  beforeEach(async () => {
    db = await openTestDatabase();
    kafka = testKafka();
    topics = await createTestTopics(kafka, 1);
    producer = createRelayProducer(kafka);
    await producer.connect();
    store = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_' });
    await store.init();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((running) => running.stop()));
    await producer.disconnect();
    await topics.dispose();
    await db.dispose();
  });

  it('publishes every integration event once, in aggregate order, and never internal events', async () => {
    const appended = await appendMany(4, 5);
    await store.append('tenant-0', 10, [{ type: 'tenant.noted', data: { internal: true } }], tenantMetadata());
    const running = relay();
    await running.start();
    await drained(running);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery(appended, received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(received.every(({ key, envelope }) => key === envelope.aggregateId)).toBe(true);
    expect(running.metrics()).toMatchObject({ published: 40, skipped: 1, commits: 21, leaseHeld: true });
    expect(await running.lag()).toEqual({ commits: 0, events: 0 });
  });

  it("publishes its own process's commits from memory and another process's from the store, in position order", async () => {
    const otherProcess = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_' });
    const running = relay();
    await running.start();
    const interleaved = await Promise.all(
      Array.from({ length: 6 }, async (_, s) => {
        const appender = s % 2 === 0 ? store : otherProcess;
        const events: EventEnvelope[] = [];
        for (let c = 0; c < 4; c++) {
          events.push(...(await appender.append(`mixed-${s}`, c * 2, tenantEvents(2, c), tenantMetadata())).events);
        }
        return events;
      }),
    );
    await drained(running);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery(interleaved.flat(), received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(store.notifier.recent.size).toBe(0);
  });

  it('never reads the store for commits of its own process, even when they land while it asks the counter', async () => {
    const reads = jest.spyOn(CommitLog.prototype, 'inRange');
    const running = relay({ idleMinDelayMs: 1, idleMaxDelayMs: 5 });
    await running.start();
    const appended: EventEnvelope[] = [];
    // Three appenders without pause: the counter keeps showing positions whose commits are on their way.
    await Promise.all(
      Array.from({ length: 3 }, async (_, s) => {
        for (let c = 0; c < 100; c++)
          appended.push(...(await store.append(`own-${s}`, c, tenantEvents(1, c), tenantMetadata())).events);
      }),
    );
    // Not `drained`: it measures the lag by reading the store.
    await waitFor(
      async () => running.metrics().published,
      (published) => published >= appended.length,
      { what: 'every event published' },
    );

    expect(reads).not.toHaveBeenCalled();
    expect(checkDelivery(appended, await readAll(kafka, topics.names)).missing).toEqual([]);
    reads.mockRestore();
  });

  it('is woken by an append instead of waiting for its idle poll', async () => {
    const running = relay({ idleMinDelayMs: 30_000, idleMaxDelayMs: 30_000 });
    await running.start();
    await delay(500);
    const started = Date.now();
    await appendMany(1, 1);
    await drained(running);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('after an in-process crash between send and mark, a restarted relay re-sends: nothing lost, order kept', async () => {
    const appended = await appendMany(5, 6);
    const crashing = new CrashingProducer(producer, 3);
    const first = relay({ producer: crashing });
    await first.start();
    await waitFor(async () => crashing.crashed, Boolean, { timeoutMs: 30_000, what: 'the simulated crash' });
    await first.stop();
    expect((await first.lag()).commits).toBeGreaterThan(0);

    const second = relay();
    await second.start();
    await drained(second);

    const received = await readAll(kafka, topics.names);
    const report = checkDelivery(appended, received);
    console.log(
      `in-process crash: ${appended.length} events, ${received.length} messages, ${report.duplicates} duplicates ` +
        `(the crashed send carried ${crashing.messagesInCrashedSend})`,
    );
    expect(report).toMatchObject({ missing: [], orderViolations: [], unexpected: [] });
    expect(report.duplicates).toBe(crashing.messagesInCrashedSend);
    expect(report.duplicates).toBeGreaterThan(0);
  });

  it('lets only the lease holder publish; the other takes over when it stops', async () => {
    const a = relay({ owner: 'relay-a' });
    const b = relay({ owner: 'relay-b' });
    await Promise.all([a.start(), b.start()]);
    const firstWave = await appendMany(6, 5, 'first');
    await drained(a);
    const [holder, standby] = a.metrics().published > 0 ? [a, b] : [b, a];
    expect(holder.metrics().published).toBe(firstWave.length);
    expect(standby.metrics()).toMatchObject({ published: 0, leaseHeld: false });

    await holder.stop();
    const secondWave = await appendMany(3, 4, 'second');
    await drained(standby);
    expect(standby.metrics()).toMatchObject({ published: secondWave.length, leaseHeld: true });

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery([...firstWave, ...secondWave], received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(received).toHaveLength(firstWave.length + secondWave.length);
  });
});
