import { openTestDatabase, TestDatabase, usePrivateMongo } from '../testing/event-store-test-env';
import { PositionCounter } from './position-counter';

jest.setTimeout(60_000);
usePrivateMongo();

describe('PositionCounter (FerretDB)', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await openTestDatabase();
  });

  afterEach(async () => {
    await db.dispose();
  });

  it('hands 300 concurrent appends the positions 1..300, each once, and the counter shows 300', async () => {
    const counter = new PositionCounter(db.connection, 'pc_');

    const positions = await Promise.all(Array.from({ length: 300 }, () => counter.next()));

    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(await counter.current()).toBe(300);
  });

  it('goes on from the stored value in a new process (a second counter on the same collection)', async () => {
    expect(await new PositionCounter(db.connection, 'pc_').next()).toBe(1);
    const restarted = new PositionCounter(db.connection, 'pc_');

    expect(await restarted.next()).toBe(2);
    expect(await Promise.all([restarted.next(), restarted.next()])).toEqual([3, 4]);
  });

  it('keeps the database usable through a burst of 2,000 (FerretDB 1.24 stalls for good on ~50 concurrent updates)', async () => {
    const counter = new PositionCounter(db.connection, 'pc_');

    const positions = await Promise.all(Array.from({ length: 2_000 }, () => counter.next()));

    expect(new Set(positions).size).toBe(2_000);
    expect(await db.connection.collection('pc_positions').countDocuments({})).toBe(1);
  });
});
