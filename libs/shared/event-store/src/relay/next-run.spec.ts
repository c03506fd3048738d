import { mongo } from 'mongoose';
import type { StoredCommit } from '../commits/commit-document';
import { contiguousRun } from './next-run';
import { GapWatch } from './gap-watch';

const at = (position: number | string): StoredCommit => ({
  _id: new mongo.ObjectId(),
  streamId: `s-${position}`,
  fromVersion: 1,
  toVersion: 1,
  position,
  committedAt: new Date(0),
});

const positions = (run: { commits: StoredCommit[] }) => run.commits.map((commit) => commit.position);

describe('contiguousRun', () => {
  it('takes positions in order from the first one, whatever order they were read in', () => {
    const run = contiguousRun([at(7), at(5), at(6), at('batch:0')], 5, { head: 7, maxCommits: 10, rangeEnd: 63 });
    expect(positions(run)).toEqual([5, 6, 7]);
    expect(run.missing).toBeUndefined();
  });

  it('stops at an allocated position that holds nothing yet and names it', () => {
    const run = contiguousRun([at(5), at(7)], 5, { head: 7, maxCommits: 10, rangeEnd: 63 });
    expect(positions(run)).toEqual([5]);
    expect(run.missing).toBe(6);
  });

  it('does not call the end of the range or a position beyond the head missing', () => {
    expect(contiguousRun([at(62), at(63)], 62, { head: 70, maxCommits: 10, rangeEnd: 63 }).missing).toBeUndefined();
    expect(contiguousRun([at(5)], 5, { head: 5, maxCommits: 10, rangeEnd: 63 }).missing).toBeUndefined();
  });

  it('stops at the batch limit', () => {
    const run = contiguousRun([at(1), at(2), at(3)], 1, { head: 3, maxCommits: 2, rangeEnd: 63 });
    expect(positions(run)).toEqual([1, 2]);
    expect(run.missing).toBeUndefined();
  });
});

describe('GapWatch', () => {
  it('expires a position only after it has been missing for the grace period, restarting for a new one', () => {
    const watch = new GapWatch(1_000);
    expect(watch.expired(6, 10_000)).toBe(false);
    expect(watch.expired(6, 10_999)).toBe(false);
    expect(watch.expired(6, 11_000)).toBe(true);
    expect(watch.expired(9, 11_000)).toBe(false);
    watch.clear();
    expect(watch.expired(9, 20_000)).toBe(false);
  });
});
