import type { EventEnvelope } from '@credstream/contracts';
import { Decider, DomainError } from '@credstream/event-sourcing';
import mongoose from 'mongoose';
import { InvalidEventError } from '../errors/invalid-event.error';
import { StreamVersionConflictError } from '../errors/stream-version-conflict.error';
import { TooManyEventsError } from '../errors/too-many-events.error';
import {
  openTestDatabase,
  TestDatabase,
  tenantEvents,
  tenantMetadata,
  usePrivateMongo,
} from '../testing/event-store-test-env';
import type { AppendResult } from './event-store';
import { isPacked } from '../commits/packed-text';
import { MongoEventStore } from './mongo-event-store';
import { StreamReader } from './stream-reader';

jest.setTimeout(60_000);
usePrivateMongo();

type CounterCommand = { type: 'add'; data: { by: number } };
type CounterEvent = { type: 'counter.added'; data: { by: number } };
const counter: Decider<CounterCommand, CounterEvent, number> = {
  initialState: () => 0,
  decide: (command, total) => {
    if (total + command.data.by > 10) throw new DomainError('COUNTER_LIMIT', 'a counter stops at 10');
    return [{ type: 'counter.added', data: { by: command.data.by } }];
  },
  evolve: (total, event) => total + event.data.by,
};

describe('MongoEventStore (FerretDB)', () => {
  let db: TestDatabase;
  let store: MongoEventStore;
  const clock = () => new Date('2026-11-26T10:00:00.000Z');

  beforeEach(async () => {
    db = await openTestDatabase();
    store = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_', clock, maxEventsPerAppend: 5 });
    await store.init();
  });

  afterEach(async () => {
    await db.dispose();
  });

  it('appends with expected versions and reads the stream back in order', async () => {
    const first = await store.append('tenant-1', 'no-stream', tenantEvents(2), tenantMetadata());
    const second = await store.append('tenant-1', 2, tenantEvents(3, 2), tenantMetadata());
    expect([first.version, second.version]).toEqual([2, 5]);

    const events = await store.readStream('tenant-1');
    expect(events.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(events).toEqual([...first.events, ...second.events]);
    expect(events[0]).toMatchObject({
      aggregateId: 'tenant-1',
      occurredAt: '2026-11-26T10:00:00.000Z',
      source: 'issuance',
    });
    expect((await store.readStream('tenant-1', { fromVersion: 4 })).map((e) => e.aggregateVersion)).toEqual([4, 5]);
    expect(await store.readStream('other')).toEqual([]);

    // One document per append, at consecutive global positions, the events stored as JSON text.
    const commits = await store.commits.collection.find({ streamId: 'tenant-1' }).sort({ fromVersion: 1 }).toArray();
    expect(
      commits.map(({ fromVersion, toVersion, position, bucket }) => ({ fromVersion, toVersion, position, bucket })),
    ).toEqual([
      { fromVersion: 1, toVersion: 2, position: 1, bucket: 0 },
      { fromVersion: 3, toVersion: 5, position: 2, bucket: 0 },
    ]);
    expect(JSON.parse(commits[1]!.events as string)).toEqual(second.events);
  });

  it('stores a large commit deflated and reads it back as it was appended', async () => {
    const writer = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_' });
    const appended = await writer.append('tenant-big', 'no-stream', tenantEvents(300), tenantMetadata());
    const small = await writer.append('tenant-big', 300, tenantEvents(1), tenantMetadata());

    const [big, plain] = await store.commits.collection
      .find({ streamId: 'tenant-big' })
      .sort({ fromVersion: 1 })
      .toArray();
    expect(isPacked(big!.events)).toBe(true);
    expect(typeof plain!.events).toBe('string');
    // Another process (no memory of the append) reads the deflated text.
    const reader = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_' });
    expect(await reader.readStream('tenant-big')).toEqual([...appended.events, ...small.events]);
  });

  it('refuses a stale expected version with the current one, and writes nothing', async () => {
    await store.append('tenant-1', 0, tenantEvents(2), tenantMetadata());
    const stale = store.append('tenant-1', 1, tenantEvents(1), tenantMetadata());
    await expect(stale).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(stale).rejects.toMatchObject({
      code: 'STREAM_VERSION_CONFLICT',
      streamId: 'tenant-1',
      expectedVersion: 1,
      actualVersion: 2,
    });
    await expect(store.append('tenant-1', 'no-stream', tenantEvents(1), tenantMetadata())).rejects.toMatchObject({
      actualVersion: 2,
    });
    expect((await store.append('tenant-1', 'any', tenantEvents(1), tenantMetadata())).version).toBe(3);
    expect(await store.readStream('tenant-1')).toHaveLength(3);
  });

  it("appends at 'any' version after another process's appends, though this one remembers an older end", async () => {
    const other = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_', clock });
    await store.append('views', 'any', tenantEvents(2), tenantMetadata());
    await other.append('views', 'any', tenantEvents(1), tenantMetadata());
    await other.append('views', 'any', tenantEvents(1), tenantMetadata());

    const appended = await store.append('views', 'any', tenantEvents(2), tenantMetadata());

    expect(appended.version).toBe(6);
    expect((await store.readStream('views')).map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('caps events per append and refuses integration events that break their contract', async () => {
    await expect(store.append('t', 0, tenantEvents(6), tenantMetadata())).rejects.toBeInstanceOf(TooManyEventsError);
    const invalid = store.append('t', 0, tenantEvents(2), tenantMetadata({ aggregateType: 'issuer' }));
    await expect(invalid).rejects.toBeInstanceOf(InvalidEventError);
    await expect(invalid).rejects.toThrow(/aggregateType/);
    expect(await store.readStream('t')).toEqual([]);

    const internal = await store.append('t', 0, [{ type: 'tenant.noted', data: { free: 'form' } }], tenantMetadata());
    expect(internal.version).toBe(1);
  });

  it('turns the losing insert of a concurrent append into a conflict with the current version', async () => {
    await store.append('tenant-1', 0, tenantEvents(1), tenantMetadata());
    // Hold both writers after their version check, so the loser is stopped by the unique index, not the read.
    const realEndsAt = StreamReader.prototype.endsAt;
    let release: () => void = () => undefined;
    const bothChecked = new Promise<void>((resolve) => (release = resolve));
    let checks = 0;
    jest.spyOn(StreamReader.prototype, 'endsAt').mockImplementation(async function (this: StreamReader, ...args) {
      const ends = await realEndsAt.apply(this, args);
      if (++checks === 2) release();
      if (checks <= 2) await bothChecked;
      return ends;
    });

    const results = await Promise.allSettled([
      store.append('tenant-1', 1, tenantEvents(2, 1), tenantMetadata()),
      store.append('tenant-1', 1, tenantEvents(3, 1), tenantMetadata()),
    ]);
    const [first] = await store.readStream('tenant-1');
    expectOneWinner(results, (await store.readStream('tenant-1')).slice(1), 1);
    expect(first!.aggregateVersion).toBe(1);
  });

  it('refuses an expected version that is not a commit end (inside a commit, or beyond the head)', async () => {
    await store.append('tenant-2', 0, tenantEvents(3), tenantMetadata());
    await expect(store.append('tenant-2', 2, tenantEvents(1), tenantMetadata())).rejects.toMatchObject({
      expectedVersion: 2,
      actualVersion: 3,
    });
    await expect(store.append('tenant-2', 5, tenantEvents(1), tenantMetadata())).rejects.toMatchObject({
      actualVersion: 3,
    });
    await expect(store.append('tenant-2', 1, [], tenantMetadata())).rejects.toMatchObject({ actualVersion: 3 });
    expect((await store.append('tenant-2', 3, [], tenantMetadata())).version).toBe(3);
    expect(await store.readStream('tenant-2')).toHaveLength(3);
  });

  it.each([1, 2, 3])('two writers on separate connections race at version 0: one wins (round %s)', async () => {
    const otherConnection = mongoose.createConnection();
    await otherConnection.openUri(db.uri);
    try {
      const other = new MongoEventStore({ connection: otherConnection, collectionPrefix: 't_', clock });
      const results = await Promise.allSettled([
        store.append('tenant-x', 0, tenantEvents(2), tenantMetadata()),
        other.append('tenant-x', 0, tenantEvents(3, 2), tenantMetadata()),
      ]);
      expectOneWinner(results, await store.readStream('tenant-x'));
    } finally {
      await otherConnection.close(true);
    }
  });

  it('aggregates and handles commands through a decider', async () => {
    const metadata = tenantMetadata({ aggregateType: 'counter' });
    const first = await store.handle('counter-1', counter, { type: 'add', data: { by: 4 } }, metadata);
    const second = await store.handle('counter-1', counter, { type: 'add', data: { by: 5 } }, metadata);
    expect([first.state, first.version, second.state, second.version]).toEqual([4, 1, 9, 2]);
    expect(await store.aggregate('counter-1', counter)).toEqual({ state: 9, version: 2 });
    await expect(store.handle('counter-1', counter, { type: 'add', data: { by: 2 } }, metadata)).rejects.toMatchObject({
      code: 'COUNTER_LIMIT',
    });
    expect(await store.aggregate('missing', counter)).toEqual({ state: 0, version: 0 });
  });

  it('decides on the state the caller holds, and on the real one when that state is stale', async () => {
    const metadata = tenantMetadata({ aggregateType: 'counter' });
    const other = new MongoEventStore({ connection: db.connection, collectionPrefix: 't_', clock });
    const fresh = await store.handle('counter-2', counter, { type: 'add', data: { by: 1 } }, metadata, {
      known: { state: 0, version: 0 },
    });
    expect([fresh.state, fresh.version]).toEqual([1, 1]);

    // Another process adds 6: the caller's state (1 at version 1) is stale; the command is decided on 7.
    await other.handle('counter-2', counter, { type: 'add', data: { by: 6 } }, metadata);
    const onStale = await store.handle('counter-2', counter, { type: 'add', data: { by: 2 } }, metadata, {
      known: { state: fresh.state, version: fresh.version },
    });
    expect([onStale.state, onStale.version]).toEqual([9, 3]);
    // The stale state would have allowed 5 more; the real one refuses.
    await expect(
      store.handle('counter-2', counter, { type: 'add', data: { by: 5 } }, metadata, {
        known: { state: 1, version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'COUNTER_LIMIT' });
    expect((await store.readStream('counter-2')).map((event) => event.aggregateVersion)).toEqual([1, 2, 3]);

    // A version inside a commit is no commit end: the command goes after the real head, nothing overlaps.
    const added = { type: 'counter.added', data: { by: 1 } };
    await store.append('counter-3', 'no-stream', [added, added], metadata);
    const afterInside = await store.handle('counter-3', counter, { type: 'add', data: { by: 1 } }, metadata, {
      known: { state: 1, version: 1 },
    });
    expect([afterInside.state, afterInside.version]).toEqual([3, 3]);
    expect((await store.readStream('counter-3')).map((event) => event.aggregateVersion)).toEqual([1, 2, 3]);
  });
});

function expectOneWinner(results: PromiseSettledResult<AppendResult>[], stored: EventEnvelope[], expected = 0): void {
  const winners = results.filter(
    (result): result is PromiseFulfilledResult<AppendResult> => result.status === 'fulfilled',
  );
  const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(1);
  const winner = winners[0]!.value;
  expect(losers[0]!.reason).toBeInstanceOf(StreamVersionConflictError);
  expect(losers[0]!.reason).toMatchObject({ expectedVersion: expected, actualVersion: winner.version });
  // Nothing half-written: the stream holds the winner's events and only those.
  expect(stored).toEqual(winner.events);
}
