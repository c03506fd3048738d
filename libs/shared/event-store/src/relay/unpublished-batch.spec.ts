import { mongo } from 'mongoose';
import type { StoredCommit } from '../commits/commit-document';
import { inPublicationOrder } from './unpublished-batch';

const commit = (streamId: string, fromVersion: number, committedAtMs: number): StoredCommit => ({
  _id: new mongo.ObjectId(),
  streamId,
  fromVersion,
  toVersion: fromVersion,
  events: [],
  committedAt: new Date(committedAtMs),
  published: false,
});

describe('inPublicationOrder', () => {
  it('keeps each stream in version order even when clocks disagree', () => {
    const ordered = inPublicationOrder([
      commit('b', 1, 3_000),
      commit('a', 2, 1_000), // written by a replica whose clock runs behind
      commit('a', 1, 2_000),
      commit('b', 2, 4_000),
    ]);
    expect(ordered.map((c) => `${c.streamId}${c.fromVersion}`)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('orders streams by their earliest commit', () => {
    const ordered = inPublicationOrder([commit('late', 1, 9_000), commit('early', 1, 1_000)]);
    expect(ordered.map((c) => c.streamId)).toEqual(['early', 'late']);
  });
});
