import { contractFor, EventEnvelope } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';
import type { Kafka, Producer } from 'kafkajs';
import { MongoEventStore } from '../store/mongo-event-store';
import { StreamReader } from '../store/stream-reader';
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
import { createRelayProducer } from './relay-producer';

jest.setTimeout(120_000);
usePrivateMongo();

/** Positions, gaps and batch commits: the relay passes every allocated position without losing a commit. */
describe('EventRelay positions and gaps (FerretDB + Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topics: TestTopics;
  let store: MongoEventStore;
  let running: EventRelay | undefined;

  const startRelay = async (overrides: Partial<EventRelayOptions> = {}): Promise<EventRelay> => {
    const topic = topics.names[0]!;
    running = new EventRelay({
      connection: db.connection,
      producer,
      logger: silentLogger,
      collectionPrefix: 'g_',
      notifier: store.notifier,
      topicFor: (event) => (contractFor(event.type) ? topic : undefined),
      idleMinDelayMs: 20,
      idleMaxDelayMs: 100,
      ...overrides,
    });
    await running.start();
    return running;
  };

  const drained = (relay: EventRelay) =>
    waitFor(
      () => relay.lag(),
      (lag) => lag.commits === 0,
      { timeoutMs: 60_000, intervalMs: 100, what: 'lag 0' },
    );

  const appendTo = async (streamId: string, from: number, count: number): Promise<EventEnvelope[]> =>
    (await store.append(streamId, from, tenantEvents(count, from), tenantMetadata())).events;

  /** Wraps the position counter: the `nth` allocation waits for `release` before its commit is inserted. */
  const holdAllocation = (nth: number, release: () => Promise<unknown>) => {
    const next = store.positions.next.bind(store.positions);
    let calls = 0;
    jest.spyOn(store.positions, 'next').mockImplementation(async () => {
      const position = await next();
      if (++calls === nth) await release();
      return position;
    });
  };

  beforeEach(async () => {
    db = await openTestDatabase();
    kafka = testKafka();
    topics = await createTestTopics(kafka, 1);
    producer = createRelayProducer(kafka);
    await producer.connect();
    store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'g_' });
    await store.init();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await running?.stop();
    running = undefined;
    await producer.disconnect();
    await topics.dispose();
    await db.dispose();
  });

  it('closes a position whose appender died before inserting, after the grace period, and publishes what follows', async () => {
    const appended = [...(await appendTo('a', 0, 2)), ...(await appendTo('b', 0, 2))];
    const abandoned = await store.positions.next(); // the appender "crashes" here
    appended.push(...(await appendTo('a', 2, 2)), ...(await appendTo('c', 0, 1)));

    const relay = await startRelay({ gapGraceMs: 800 });
    await drained(relay);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery(appended, received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(relay.metrics()).toMatchObject({ gapsClosed: 1, commits: 4, published: 7 });
    expect(await store.commits.atPosition(abandoned)).toMatchObject({ streamId: `$gap:${abandoned}` });
  });

  it('does not lose a commit slower than the grace period: it finds its position closed and takes a new one', async () => {
    const first = await appendTo('slow', 0, 2);
    const started: { relay?: EventRelay } = {};
    // The slow append's allocation is held until the relay has closed it as a gap.
    holdAllocation(1, () =>
      waitFor(
        async () => started.relay?.metrics().gapsClosed ?? 0,
        (closed) => closed >= 1,
        { timeoutMs: 30_000, intervalMs: 20, what: 'the relay to close the slow position' },
      ),
    );
    const slow = store.append('slow', 2, tenantEvents(2, 2), tenantMetadata());
    await delay(100);
    const relay = await startRelay({ gapGraceMs: 300 });
    started.relay = relay;
    const late = (await slow).events;
    const after = await appendTo('slow', 4, 1);
    await drained(relay);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery([...first, ...late, ...after], received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(relay.metrics()).toMatchObject({ gapsClosed: 1, commits: 3 });
    const commits = await store.commits.collection.find({ streamId: 'slow' }).toArray();
    expect(commits.map((commit) => commit.position).sort()).toEqual([1, 3, 4]);
  });

  it('waits for a commit that lands within the grace period instead of closing its position', async () => {
    holdAllocation(2, () => delay(400)); // y's, while x and z go straight in
    const relay = await startRelay({ gapGraceMs: 10_000 });
    const [a, b] = await Promise.all([
      appendTo('x', 0, 1),
      (async () => {
        await delay(50);
        return appendTo('y', 0, 1);
      })(),
    ]);
    const c = await appendTo('z', 0, 1);
    await drained(relay);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery([...a, ...b, ...c], received)).toMatchObject({ missing: [], orderViolations: [] });
    expect(relay.metrics().gapsClosed).toBe(0);
  });

  it('an appender that loses a race closes its own position, so the relay never waits for it', async () => {
    const first = await appendTo('raced', 0, 1);
    const endsAt = StreamReader.prototype.endsAt;
    let release: () => void = () => undefined;
    const bothChecked = new Promise<void>((resolve) => (release = resolve));
    let checks = 0;
    jest.spyOn(StreamReader.prototype, 'endsAt').mockImplementation(async function (this: StreamReader, ...args) {
      const ends = await endsAt.apply(this, args);
      if (++checks === 2) release();
      if (checks <= 2) await bothChecked;
      return ends;
    });
    const results = await Promise.allSettled([appendTo('raced', 1, 1), appendTo('raced', 1, 1)]);
    jest.restoreAllMocks();
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<EventEnvelope[]>;
    const after = await appendTo('raced', 2, 1);

    const relay = await startRelay({ gapGraceMs: 60_000 });
    await drained(relay);
    const received = await readAll(kafka, topics.names);
    expect(checkDelivery([...first, ...winner.value, ...after], received)).toMatchObject({
      missing: [],
      duplicates: 0,
      orderViolations: [],
    });
    expect(relay.metrics().gapsClosed).toBe(0);
  });

  it('publishes a batch of new streams with each event keyed by its own aggregate, in order with later commits', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `credential-${i}`);
    const batch = await store.appendToNewStreams(
      ids.map((streamId) => ({ streamId, events: tenantEvents(2) })),
      tenantMetadata(),
    );
    const revoked = await appendTo('credential-4', 2, 1);
    const relay = await startRelay();
    await drained(relay);

    const received = await readAll(kafka, topics.names);
    expect(checkDelivery([...batch.flatMap((result) => result.events), ...revoked], received)).toEqual({
      missing: [],
      duplicates: 0,
      orderViolations: [],
      unexpected: [],
    });
    expect(received.every(({ key, envelope }) => key === envelope.aggregateId)).toBe(true);
    expect(new Set(received.map(({ key }) => key)).size).toBe(20);
    expect(relay.metrics()).toMatchObject({ commits: 2, published: 41 });
  });
});
