import { appendRow, commitList, emptyBatch, flushDue, markHandled, rowBytes } from './projection-buffer';

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
    appendRow(batch, 'a\n');
    appendRow(batch, 'b\n');
    expect(flushDue(batch, 1_100, 2, 500)).toBe(true);
  });

  it('keeps the rows as UTF-8 bytes in order, across chunks', () => {
    const batch = emptyBatch(0);
    const long = `${'é'.repeat(400_000)}\n`;
    appendRow(batch, 'a\tü\n');
    appendRow(batch, long);
    appendRow(batch, 'z\n');
    expect(batch.rows).toBe(3);
    expect(batch.chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(rowBytes(batch)).toString('utf8')).toBe(`a\tü\n${long}z\n`);
  });
});
