import type { DomainEvent } from '@credstream/event-sourcing';
import type { NewStreamEntry } from '../store/event-store';

/** Events per message an `EventStoreThread` posts: structured-cloning one part takes well under a millisecond. */
export const EVENTS_PER_PART = 500;

/** A slice of one entry; `continued` when it carries on the entry of the slice before it. */
export interface PartEntry {
  entry: NewStreamEntry;
  continued: boolean;
}

/**
 * Splits an append's entries into parts of at most `maxEvents` events, in order; an entry longer than that is split
 * into consecutive slices. {@link joinParts} puts them back together.
 */
export function partsOf(entries: readonly NewStreamEntry[], maxEvents = EVENTS_PER_PART): PartEntry[][] {
  const parts: PartEntry[][] = [];
  let part: PartEntry[] = [];
  let room = maxEvents;
  for (const entry of entries) {
    let start = 0;
    do {
      if (room === 0) {
        parts.push(part);
        part = [];
        room = maxEvents;
      }
      const events = entry.events.slice(start, start + room);
      const whole = start === 0 && events.length === entry.events.length;
      part.push({ entry: whole ? entry : { ...entry, events }, continued: start > 0 });
      start += events.length;
      room -= events.length;
    } while (start < entry.events.length);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The entries {@link partsOf} split, whole again and in their order. */
export function joinParts(parts: readonly (readonly PartEntry[])[]): NewStreamEntry[] {
  const entries: NewStreamEntry[] = [];
  let events: DomainEvent[] = [];
  for (const part of parts) {
    for (const { entry, continued } of part) {
      if (continued && entries.length > 0) {
        events.push(...entry.events);
        continue;
      }
      events = [...entry.events];
      entries.push({ ...entry, events });
    }
  }
  return entries;
}
