import { BLOCK_SIZE, BUCKET_SIZE, StoredCommit } from '../commits/commit-document';
import type { CommitLog } from '../commits/commit-log';

/** The next positions to publish: contiguous from the checkpoint, in position order. */
export interface PositionRun {
  commits: StoredCommit[];
  /** The first position after the run that was allocated (≤ head) but holds no document yet. */
  missing?: number;
}

/**
 * Reads the positions after `checkpoint` with one top-level equality query: the bucket (`BUCKET_SIZE`
 * positions) holding the next one while the relay keeps up, the block (`BLOCK_SIZE`) when the backlog is
 * larger and the next position is in the block's first bucket (so a block read is never mostly behind the
 * checkpoint): a backlog is drained in few large reads and a live stream in small ones.
 */
export async function readNextRun(
  commits: CommitLog,
  checkpoint: number,
  head: number,
  maxCommits: number,
): Promise<PositionRun> {
  if (head <= checkpoint) return { commits: [] };
  const first = checkpoint + 1;
  const size = head - checkpoint >= BLOCK_SIZE / 4 && first % BLOCK_SIZE < BUCKET_SIZE ? BLOCK_SIZE : BUCKET_SIZE;
  const range = Math.floor(first / size);
  const documents = await commits.inRange(size === BLOCK_SIZE ? 'block' : 'bucket', range);
  return contiguousRun(documents, first, { head, maxCommits, rangeEnd: (range + 1) * size - 1 });
}

export function contiguousRun(
  documents: readonly StoredCommit[],
  first: number,
  limits: { head: number; maxCommits: number; rangeEnd: number },
): PositionRun {
  const byPosition = new Map<number, StoredCommit>();
  for (const document of documents) {
    if (typeof document.position === 'number') byPosition.set(document.position, document);
  }
  const run: StoredCommit[] = [];
  let position = first;
  for (; position <= limits.rangeEnd && run.length < limits.maxCommits; position++) {
    const commit = byPosition.get(position);
    if (!commit) break;
    run.push(commit);
  }
  const stoppedAtHole = position <= limits.rangeEnd && run.length < limits.maxCommits && position <= limits.head;
  return stoppedAtHole ? { commits: run, missing: position } : { commits: run };
}
