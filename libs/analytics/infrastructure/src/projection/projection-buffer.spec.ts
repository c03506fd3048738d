import { commitList, emptyBatch, flushDue, markHandled } from './projection-buffer';

describe('projection buffer', () => {
  it('commits the next offset of the last handled message per partition', () => {
    const batch = emptyBatch(0);
    markHandled(batch, 'a', 0, '5');
    markHandled(batch, 'a', 0, '6');
    markHandled(batch, 'b', 2, '41');
    expect(commitList(batch)).toEqual([
      { topic: 'a', partition: 0, offset: '7' },
      { topic: 'b', partition: 2, offset: '42' },
    ]);
  });

  it('is due when full or when its oldest message waited long enough, never when empty', () => {
    const batch = emptyBatch(1_000);
    expect(flushDue(batch, 10_000, 2, 500)).toBe(false);
    markHandled(batch, 'a', 0, '1');
    expect(flushDue(batch, 1_100, 2, 500)).toBe(false);
    expect(flushDue(batch, 1_500, 2, 500)).toBe(true);
    batch.rows.push({} as never, {} as never);
    expect(flushDue(batch, 1_100, 2, 500)).toBe(true);
  });
});
