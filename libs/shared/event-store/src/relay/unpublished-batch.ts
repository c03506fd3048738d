import type { CommitLog } from '../commits/commit-log';
import type { StoredCommit } from '../commits/commit-document';

/**
 * The next commits to publish, grouped by stream and in version order within each stream.
 * `_id` order alone is not enough: ObjectIds come from the writing process, so commits appended through
 * different replicas within the same second can sort out of version order. For each stream found among the
 * oldest unpublished commits, we therefore take that stream's unpublished commits by `fromVersion`.
 */
export async function nextUnpublishedBatch(commits: CommitLog, batchSize: number): Promise<StoredCommit[]> {
  const oldest = await commits.oldestUnpublished(batchSize);
  const streams = [...new Set(oldest.map((commit) => commit.streamId))];
  const batch: StoredCommit[] = [];
  for (const streamId of streams) batch.push(...(await commits.unpublishedOf(streamId, batchSize)));
  return batch;
}
