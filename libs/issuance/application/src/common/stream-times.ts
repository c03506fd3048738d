import type { EventEnvelope } from '@credstream/contracts';

/** Version and first/last event times of an aggregate's stream (called only once it is known to exist). */
export function streamTimes(events: readonly EventEnvelope[]): {
  version: number;
  createdAt: string;
  updatedAt: string;
} {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new Error('an existing aggregate has at least one event');
  return { version: last.aggregateVersion, createdAt: first.occurredAt, updatedAt: last.occurredAt };
}
