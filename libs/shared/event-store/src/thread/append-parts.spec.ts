import type { DomainEvent } from '@credstream/event-sourcing';
import type { NewStreamEntry } from '../store/event-store';
import { joinParts, partsOf } from './append-parts';

const events = (stream: string, count: number): DomainEvent[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'thing.happened.v1', data: { stream, n } }));

const entry = (streamId: string, count: number, extra: Partial<NewStreamEntry> = {}): NewStreamEntry => ({
  streamId,
  events: events(streamId, count),
  ...extra,
});

const eventCounts = (parts: ReturnType<typeof partsOf>) =>
  parts.map((part) => part.reduce((sum, { entry }) => sum + entry.events.length, 0));

describe('partsOf / joinParts (large appends posted to a worker in parts)', () => {
  it('keeps an append within the limit as one part, its entries untouched', () => {
    const entries = [entry('a', 2), entry('b', 3)];
    const parts = partsOf(entries, 5);
    expect(parts).toEqual([
      [
        { entry: entries[0], continued: false },
        { entry: entries[1], continued: false },
      ],
    ]);
    expect(joinParts(parts)).toEqual(entries);
  });

  it('splits one long stream into parts of at most the limit, and joins it back in order', () => {
    const entries = [entry('views', 1_234, { aggregateId: 'share-1', cause: { correlationId: 'c-1' } })];
    const parts = partsOf(entries, 500);
    expect(eventCounts(parts)).toEqual([500, 500, 234]);
    expect(parts.flat().map(({ continued }) => continued)).toEqual([false, true, true]);
    expect(joinParts(parts)).toEqual(entries);
  });

  it('fills each part across entries and keeps every entry whole after joining', () => {
    const entries = [entry('a', 3), entry('b', 7), entry('c', 1), entry('d', 4)];
    const parts = partsOf(entries, 4);
    expect(eventCounts(parts)).toEqual([4, 4, 4, 3]);
    expect(joinParts(parts)).toEqual(entries);
  });

  it('never merges two entries that happen to name the same stream (the store refuses those, not the split)', () => {
    const entries = [entry('same', 2), entry('same', 2)];
    expect(joinParts(partsOf(entries, 3))).toEqual(entries);
  });

  it('keeps an entry without events', () => {
    const entries = [entry('a', 2), entry('empty', 0), entry('b', 1)];
    expect(joinParts(partsOf(entries, 2))).toEqual(entries);
  });
});
