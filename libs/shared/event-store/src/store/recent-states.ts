import type { AggregateState } from './event-store';

interface Entry {
  decider: object;
  state: unknown;
  version: number;
}

/**
 * The last state this process folded or produced per stream (and decider), so that `handle()` can decide on it
 * without reading the stream: a stale entry costs one read (the commit conflicts, or the decision is re-made on the
 * stream as stored), never a wrong decision. States are the deciders' values and are never mutated (deciders are
 * pure). Bounded: the least recently used streams are forgotten.
 */
export class RecentStates {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxStreams = 5_000) {}

  get<TState>(streamId: string, decider: object): AggregateState<TState> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== decider) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return { state: entry.state as TState, version: entry.version };
  }

  remember(streamId: string, decider: object, { state, version }: AggregateState<unknown>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { decider, state, version });
    if (this.entries.size > this.maxStreams) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
