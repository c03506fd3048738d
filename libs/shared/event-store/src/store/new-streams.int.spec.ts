import { Decider } from '@credstream/event-sourcing';
import { eventsOf, isReservation } from '../commits/commit-document';
import { isPacked } from '../commits/packed-text';
import { StreamVersionConflictError } from '../errors/stream-version-conflict.error';
import {
  openTestDatabase,
  TestDatabase,
  tenantEvents,
  tenantMetadata,
  usePrivateMongo,
} from '../testing/event-store-test-env';
import { MongoEventStore } from './mongo-event-store';

jest.setTimeout(60_000);
usePrivateMongo();

type Count = { type: 'count'; data: Record<string, never> };
type Counted = { type: string; data: unknown };
const eventCounter: Decider<Count, Counted, number> = {
  initialState: () => 0,
  decide: () => [{ type: 'tenant.noted', data: { note: 'counted' } }],
  evolve: (count) => count + 1,
};

const entries = (ids: string[], eventsEach = 2) =>
  ids.map((streamId) => ({ streamId, events: tenantEvents(eventsEach) }));

describe('MongoEventStore.appendToNewStreams (FerretDB)', () => {
  let db: TestDatabase;
  let store: MongoEventStore;

  beforeEach(async () => {
    db = await openTestDatabase();
    store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'b_' });
    await store.init();
  });

  afterEach(async () => {
    await db.dispose();
  });

  const documents = () => store.commits.collection.find({}).toArray();

  it('creates every stream in one commit, readable, foldable and appendable like any other stream', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `credential-${i}`);
    const results = await store.appendToNewStreams(entries(ids), tenantMetadata());

    expect(results.map(({ streamId, version }) => [streamId, version])).toEqual(ids.map((id) => [id, 2]));
    const stored = await documents();
    const commits = stored.filter((document) => !isReservation(document));
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({ position: 1, streams: ids });
    const published = eventsOf(commits[0]!);
    expect(published).toHaveLength(100);
    expect(published.filter((event) => event.aggregateId === 'credential-7').map((e) => e.aggregateVersion)).toEqual([
      1, 2,
    ]);

    // 100 events are over the packing threshold: the streams' texts are stored deflated, together.
    expect(commits[0]!.streamEvents).toBeUndefined();
    expect(isPacked(commits[0]!.packedStreamEvents)).toBe(true);
    const read = await store.readStream('credential-7');
    expect(read).toEqual(results[7]!.events);
    const otherProcess = new MongoEventStore({ connection: db.connection, collectionPrefix: 'b_' });
    expect(await otherProcess.readStream('credential-9')).toEqual(results[9]!.events);
    expect(read.every((event) => event.aggregateId === 'credential-7')).toBe(true);
    expect(await store.aggregate('credential-7', eventCounter)).toEqual({ state: 2, version: 2 });

    // A later ordinary commit (say, a revocation) continues the stream at the right version.
    const handled = await store.handle('credential-7', eventCounter, { type: 'count', data: {} }, tenantMetadata());
    expect([handled.version, handled.state]).toEqual([3, 3]);
    await expect(store.append('credential-8', 1, tenantEvents(1), tenantMetadata())).rejects.toMatchObject({
      actualVersion: 2,
    });
    expect((await store.append('credential-8', 2, tenantEvents(1), tenantMetadata())).version).toBe(3);
    expect((await store.readStream('credential-8')).map((event) => event.aggregateVersion)).toEqual([1, 2, 3]);
    expect(await store.readStream('credential-8', { fromVersion: 2 })).toHaveLength(2);
  });

  it('uses each entry’s aggregate id when given, and the stream id otherwise', async () => {
    const [first, second] = await store.appendToNewStreams(
      [
        { streamId: 'credential-a', aggregateId: 'a', events: tenantEvents(1) },
        { streamId: 'credential-b', events: tenantEvents(1) },
      ],
      tenantMetadata(),
    );
    expect([first!.events[0]!.aggregateId, second!.events[0]!.aggregateId]).toEqual(['a', 'credential-b']);
  });

  it('gives each stream its own cause when the entry has one, stored and read back as such', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const metadata = tenantMetadata({ causationId: 'batch-cause' });
    await store.appendToNewStreams(
      [
        {
          streamId: 'caused-a',
          events: tenantEvents(1),
          cause: { correlationId: 'completion-a', causationId: 'event-a', trace: { traceparent } },
        },
        { streamId: 'caused-b', events: tenantEvents(1), cause: { correlationId: undefined } },
      ],
      metadata,
    );
    const [[a], [b]] = await Promise.all([store.readStream('caused-a'), store.readStream('caused-b')]);
    expect([a?.correlationId, a?.causationId, a?.traceparent]).toEqual(['completion-a', 'event-a', traceparent]);
    expect([b?.correlationId, b?.causationId]).toEqual([metadata.correlationId, 'batch-cause']);
  });

  it('writes nothing and names the stream when one of the ids already exists', async () => {
    await store.append('credential-3', 'no-stream', tenantEvents(3), tenantMetadata());
    const before = await documents();

    const attempt = store.appendToNewStreams(
      entries(['credential-1', 'credential-2', 'credential-3', 'credential-4']),
      tenantMetadata(),
    );
    await expect(attempt).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'STREAM_VERSION_CONFLICT',
      streamId: 'credential-3',
      expectedVersion: 'no-stream',
      actualVersion: 3,
    });

    expect(await documents()).toEqual(before);
    expect(await store.readStream('credential-1')).toEqual([]);
    expect(await store.positions.current()).toBe(1);
    // The ids that were free are still free.
    expect(await store.appendToNewStreams(entries(['credential-1', 'credential-2']), tenantMetadata())).toHaveLength(2);
  });

  it('lets exactly one of two racing creators of the same stream win, batch or not', async () => {
    const [batchA, batchB] = await Promise.allSettled([
      store.appendToNewStreams(entries(['x-1', 'shared', 'x-2']), tenantMetadata()),
      store.appendToNewStreams(entries(['shared', 'y-1']), tenantMetadata()),
    ]);
    expect([batchA.status, batchB.status].sort()).toEqual(['fulfilled', 'rejected']);
    const loser = (batchA.status === 'rejected' ? batchA : batchB) as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(StreamVersionConflictError);
    expect(await store.readStream('shared')).toHaveLength(2);
    const loserOnly = batchA.status === 'rejected' ? 'x-1' : 'y-1';
    expect(await store.readStream(loserOnly)).toEqual([]);

    const [batch, single] = await Promise.allSettled([
      store.appendToNewStreams(entries(['z-1', 'contested']), tenantMetadata()),
      store.append('contested', 'no-stream', tenantEvents(3), tenantMetadata()),
    ]);
    expect([batch.status, single.status].sort()).toEqual(['fulfilled', 'rejected']);
    const contested = await store.readStream('contested');
    expect(contested).toHaveLength(batch.status === 'fulfilled' ? 2 : 3);
  });

  it('refuses a call that names a stream twice or gives a stream no events, before writing', async () => {
    await expect(store.appendToNewStreams(entries(['a', 'a']), tenantMetadata())).rejects.toThrow(/twice/);
    await expect(store.appendToNewStreams([{ streamId: 'a', events: [] }], tenantMetadata())).rejects.toThrow(
      /no events/,
    );
    expect(await store.appendToNewStreams([], tenantMetadata())).toEqual([]);
    expect(await documents()).toEqual([]);
  });

  it('keeps streams invisible when the batch commit never lands (crash after reserving)', async () => {
    jest.spyOn(store.commits, 'insert').mockRejectedValueOnce(new Error('process died'));
    await expect(store.appendToNewStreams(entries(['orphan-1', 'orphan-2']), tenantMetadata())).rejects.toThrow(
      'process died',
    );
    expect(await store.readStream('orphan-1')).toEqual([]);
    expect(await store.aggregate('orphan-1', eventCounter)).toEqual({ state: 0, version: 0 });
  });
});
