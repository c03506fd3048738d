import { openTestDatabase, TestDatabase } from '../testing/test-database';
import { applyOnce } from './processed-event.ledger';
import { upsertIfNewer } from './versioned-projection';

jest.setTimeout(30_000);

interface Counter {
  _id: string;
  issued: number;
  tags?: string[];
  processed?: string[];
}

describe('idempotent projection writes on FerretDB', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('applyOnce applies an event once per consumer and reports the repeat as duplicate', async () => {
    const counters = database.db.collection<Counter>('counters');
    const inc = { $inc: { issued: 1 }, $push: { tags: 'x' } };
    expect(await applyOnce(counters, 'c1', inc, { consumer: 'a', eventId: 'e1' })).toBe('applied');
    expect(await applyOnce(counters, 'c1', inc, { consumer: 'a', eventId: 'e1' })).toBe('duplicate');
    expect(await applyOnce(counters, 'c1', inc, { consumer: 'b', eventId: 'e1' })).toBe('applied');
    expect(await applyOnce(counters, 'c1', inc, { consumer: 'a', eventId: 'e2' })).toBe('applied');
    expect(await counters.findOne({ _id: 'c1' })).toEqual({
      _id: 'c1',
      issued: 3,
      tags: ['x', 'x', 'x'],
      processed: ['a:e1', 'b:e1', 'a:e2'],
    });
  });

  it('applyOnce keeps only the newest markers', async () => {
    const counters = database.db.collection<Counter>('counters');
    for (const eventId of ['e1', 'e2', 'e3', 'e4']) {
      await applyOnce(counters, 'c1', { $inc: { issued: 1 } }, { consumer: 'a', eventId }, { keep: 2 });
    }
    expect(await counters.findOne({ _id: 'c1' })).toMatchObject({ issued: 4, processed: ['a:e3', 'a:e4'] });
  });

  it('upsertIfNewer writes only newer aggregate versions', async () => {
    const states = database.db.collection<{ _id: string; status: string; aggregateVersion: number }>('states');
    expect(await upsertIfNewer(states, 's1', 2, { $set: { status: 'revoked' } })).toBe('applied');
    expect(await upsertIfNewer(states, 's1', 1, { $set: { status: 'issued' } })).toBe('stale');
    expect(await upsertIfNewer(states, 's1', 2, { $set: { status: 'issued' } })).toBe('stale');
    expect(await upsertIfNewer(states, 's1', 3, { $set: { status: 'expired' } })).toBe('applied');
    expect(await states.findOne({ _id: 's1' })).toEqual({ _id: 's1', status: 'expired', aggregateVersion: 3 });
  });
});
