import type { EventEnvelope } from '@credstream/contracts';
import { eventsOf, isReservation, StoredCommit, streamEventsOf } from '../commits/commit-document';
import type { CommitLog } from '../commits/commit-log';

/** A stream's commit as readers see it: batch-created streams read their first events from the batch commit. */
export interface VisibleCommit {
  fromVersion: number;
  toVersion: number;
  events(): EventEnvelope[];
}

/** Batch ids known to be committed; bounded, it only saves a lookup. */
const COMMITTED_BATCH_CACHE = 10_000;
/** Streams whose latest known commit end is remembered; bounded, it only saves a read. */
const KNOWN_END_CACHE = 100_000;

/**
 * Reads streams with one top-level equality query (`{streamId}`), ordering in memory. A reservation left by
 * `appendToNewStreams` counts only once its batch commit exists (it is the batch's atomic commit point).
 */
export class StreamReader {
  private readonly committedBatches = new Set<string>();
  private readonly knownEnds = new Map<string, number>();

  constructor(private readonly commits: CommitLog) {}

  /**
   * Records that a commit of the stream ends at `version` (this process wrote or read it). A commit end never
   * stops being one, so `endsAt` can answer from memory; a stale entry is harmless, the unique index still
   * refuses a commit after a version that another writer has already continued.
   */
  rememberEnd(streamId: string, version: number): void {
    this.knownEnds.delete(streamId);
    if (this.knownEnds.size >= KNOWN_END_CACHE) {
      const oldest = this.knownEnds.keys().next();
      if (!oldest.done) this.knownEnds.delete(oldest.value);
    }
    this.knownEnds.set(streamId, version);
  }

  /** The stream's end as this process last wrote or read it; possibly behind the head (another writer). */
  knownEnd(streamId: string): number | undefined {
    return this.knownEnds.get(streamId);
  }

  rememberCommittedBatch(batch: string): void {
    if (this.committedBatches.size >= COMMITTED_BATCH_CACHE) this.committedBatches.clear();
    this.committedBatches.add(batch);
  }

  /** The stream's commits in version order. With `withEvents: false`, batch commits are only checked to exist. */
  async visibleCommits(streamId: string, withEvents = true): Promise<VisibleCommit[]> {
    const documents = await this.commits.ofStream(streamId);
    const visible: VisibleCommit[] = [];
    for (const document of documents) {
      const commit = await this.toVisible(streamId, document, withEvents);
      if (commit) visible.push(commit);
    }
    visible.sort((a, b) => a.fromVersion - b.fromVersion);
    const last = visible.at(-1);
    if (last) this.rememberEnd(streamId, last.toVersion);
    return visible;
  }

  /** The stream's version (0 when it has no visible commit). */
  async head(streamId: string): Promise<number> {
    const commits = await this.visibleCommits(streamId, false);
    return commits.at(-1)?.toVersion ?? 0;
  }

  /**
   * Whether a visible commit of the stream ends at `version`. Together with the unique (stream, fromVersion)
   * index this is enough to append after `version`: versions are contiguous, so if a commit ends there and
   * nobody holds `version + 1`, `version` is the head. Answered from memory when this process last wrote or
   * read the stream at that version; otherwise one query that returns at most one document.
   */
  async endsAt(streamId: string, version: number): Promise<boolean> {
    if (this.knownEnds.get(streamId) === version) return true;
    const document = await this.commits.endingAt(streamId, version);
    const ends = document !== null && (await this.toVisible(streamId, document, false)) !== undefined;
    if (ends) this.rememberEnd(streamId, version);
    return ends;
  }

  private async toVisible(streamId: string, document: StoredCommit, withEvents: boolean) {
    const { fromVersion, toVersion } = document;
    const { batch } = document;
    if (batch === undefined || !isReservation(document)) {
      return { fromVersion, toVersion, events: () => eventsOf(document) };
    }
    if (!withEvents && this.committedBatches.has(batch)) return { fromVersion, toVersion, events: () => [] };
    const batchCommit = await this.commits.batchCommit(batch);
    if (!batchCommit) return undefined;
    this.rememberCommittedBatch(batch);
    return { fromVersion, toVersion, events: () => streamEventsOf(batchCommit, streamId) };
  }
}
