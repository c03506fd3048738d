import type { EventEnvelope } from '@credstream/contracts';
import type { CommitDocument } from './commit-document';

/** A commit's events as the appender built them, in `eventsOf` order, and each one's JSON text. */
export interface PublishableEvents {
  envelopes: readonly EventEnvelope[];
  json: readonly string[];
}

/** A commit as inserted at a numeric position. */
export type PositionedCommit = CommitDocument & { position: number };

export interface RecentCommitsLimits {
  /** Characters of event JSON kept; the oldest commits are dropped beyond it (the relay then reads them). */
  maxChars: number;
}

export const DEFAULT_RECENT_COMMITS_LIMITS: RecentCommitsLimits = { maxChars: 64 * 1024 * 1024 };

/**
 * The commits this process appended and the relay has not yet passed, as they were inserted. FerretDB on
 * PostgreSQL scans the whole collection for every query, detoasting each document, so re-reading a bucket of
 * large commits (a thousand credentials, five hundred page views) cost far more than writing them; a relay in
 * the same process as the appender publishes from here instead and reads the store only for positions it
 * does not know (another replica's commits, gaps, or what was appended before a restart).
 *
 * Commit documents never change once inserted, so a remembered commit is exactly what a read would return.
 */
export class RecentCommits {
  private readonly commits = new Map<number, PositionedCommit>();
  private readonly publishable = new Map<number, PublishableEvents>();
  private readonly inFlight = new Set<number>();
  /** Position requests sent to the counter and not answered yet. */
  private readonly allocations = new Set<Promise<unknown>>();
  private chars = 0;
  /** No remembered commit sits below it. */
  private lowest = Number.POSITIVE_INFINITY;

  constructor(private readonly limits: RecentCommitsLimits = DEFAULT_RECENT_COMMITS_LIMITS) {}

  /**
   * Asks the counter for a position (`next`) and reserves it as soon as it is answered. Until then the counter
   * may already show the new position to the relay without anything telling it that the position is this
   * process's: `allocationsAnswered` lets it wait instead of reading the store.
   */
  allocate(next: () => Promise<number>): Promise<number> {
    const allocation = next().then((position) => {
      this.reserve(position);
      return position;
    });
    const tracked = allocation.finally(() => this.allocations.delete(tracked)).catch(() => undefined);
    this.allocations.add(tracked);
    return allocation;
  }

  /**
   * Waits, at most `maxWaitMs`, for the position requests pending now. True when there were some and they were all
   * answered; false when there were none or one is slow (a reply that never comes must not stop the relay).
   */
  async allocationsAnswered(maxWaitMs: number): Promise<boolean> {
    if (this.allocations.size === 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), maxWaitMs)));
    const answered = Promise.all([...this.allocations]).then(() => true as const);
    try {
      return await Promise.race([answered, slow]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An appender took `position` and is inserting its commit there. */
  reserve(position: number): void {
    this.inFlight.add(position);
  }

  /** The insert at `position` was acknowledged; `events` spares the relay parsing and serialising them again. */
  committed(commit: PositionedCommit, events?: PublishableEvents): void {
    this.inFlight.delete(commit.position);
    this.commits.set(commit.position, commit);
    if (events) this.publishable.set(commit.position, events);
    this.lowest = Math.min(this.lowest, commit.position);
    this.chars += sizeOf(commit, events);
    this.evictBeyondLimit();
  }

  /** The insert at `position` failed or was refused: the position may hold another document, or none. */
  released(position: number): void {
    this.inFlight.delete(position);
  }

  isInFlight(position: number): boolean {
    return this.inFlight.has(position);
  }

  /** Remembered commits at contiguous positions from `first`, at most `maxCommits`. */
  runFrom(first: number, maxCommits: number): PositionedCommit[] {
    const run: PositionedCommit[] = [];
    for (let position = first; run.length < maxCommits; position++) {
      const commit = this.commits.get(position);
      if (!commit) break;
      run.push(commit);
    }
    return run;
  }

  /** The events of a remembered commit as its appender built them, if it gave them. */
  eventsOf(commit: PositionedCommit): PublishableEvents | undefined {
    return this.publishable.get(commit.position);
  }

  /** Drops everything at or before `position` (the relay's checkpoint passed it). */
  forgetThrough(position: number): void {
    for (let at = this.lowest; at <= position; at++) this.forget(at);
    this.lowest = Math.max(this.lowest, position + 1);
  }

  get size(): number {
    return this.commits.size;
  }

  private evictBeyondLimit(): void {
    if (this.chars <= this.limits.maxChars) return;
    // Map iteration follows insertion order, which is roughly position order.
    for (const at of this.commits.keys()) {
      if (this.chars <= this.limits.maxChars) break;
      this.forget(at);
    }
  }

  private forget(position: number): void {
    const commit = this.commits.get(position);
    if (!commit) return;
    this.commits.delete(position);
    this.chars -= sizeOf(commit, this.publishable.get(position));
    this.publishable.delete(position);
  }
}

/** What a remembered commit holds: its text, and the events its appender built (their JSON about as much again). */
function sizeOf(commit: CommitDocument, events?: PublishableEvents): number {
  // Remembered commits hold plain text (the store deflates only the copy it inserts).
  let chars = typeof commit.events === 'string' ? commit.events.length : 0;
  for (const json of commit.streamEvents ?? []) chars += json.length;
  for (const json of events?.json ?? []) chars += json.length;
  return chars + 256;
}
