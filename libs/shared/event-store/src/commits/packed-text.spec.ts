import type { CommitDocument } from './commit-document';
import { eventsOf, streamEventsOf } from './commit-document';
import { isPacked, PACK_MIN_CHARS, packedForStorage } from './packed-text';

const envelope = (n: number) => ({
  id: `e-${n}`,
  type: 'tenant.renamed.v1',
  aggregateVersion: n,
  data: { name: 'ü'.repeat(40) },
});
const textOf = (from: number, count: number) =>
  JSON.stringify(Array.from({ length: count }, (_, i) => envelope(from + i)));
const commit = (events: string): Omit<CommitDocument, 'position'> => ({
  streamId: 's',
  fromVersion: 1,
  toVersion: 1,
  events,
  committedAt: new Date(0),
});

describe('packed commit text', () => {
  it('leaves an ordinary commit as plain text', async () => {
    const small = commit(textOf(1, 2));
    expect(await packedForStorage(small)).toBe(small);
  });

  it('deflates a large commit, and its events read back unchanged (UTF-8 included)', async () => {
    const text = textOf(1, 400);
    expect(text.length).toBeGreaterThan(PACK_MIN_CHARS);
    const stored = await packedForStorage(commit(text));

    expect(isPacked(stored.events)).toBe(true);
    expect(eventsOf(stored as CommitDocument)).toEqual(JSON.parse(text));
  });

  it('deflates the streams of a large batch commit together, and each stream reads back on its own', async () => {
    const streamEvents = [textOf(1, 200), textOf(201, 200), textOf(401, 1)];
    const stored = await packedForStorage({ ...commit(''), events: undefined, streams: ['a', 'b', 'c'], streamEvents });

    expect(stored.streamEvents).toBeUndefined();
    expect(isPacked(stored.packedStreamEvents)).toBe(true);
    expect(streamEventsOf(stored as CommitDocument, 'b')).toEqual(JSON.parse(streamEvents[1]!));
    expect(eventsOf(stored as CommitDocument)).toHaveLength(401);
  });
});
