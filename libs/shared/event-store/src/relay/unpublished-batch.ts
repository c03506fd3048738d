import type { CommitLog } from '../commits/commit-log';
import type { StoredCommit } from '../commits/commit-document';

/**
 * The next commits to publish, each stream's in version order, streams in commit order.
 *
 * Usually every unpublished commit fits in one read (the relay keeps up), and then the set is complete:
 * ordering it in memory is all that is needed. When the backlog is larger than a batch, the read is a
 * sample, and a stream's earlier commit might be missing from it; for the streams in the sample we then
 * read each stream's unpublished commits by version, so no commit can overtake its predecessor.
 */
export async function nextUnpublishedBatch(commits: CommitLog, batchSize: number): Promise<StoredCommit[]> {
  const sample = await commits.unpublished(batchSize + 1);
  if (sample.length <= batchSize) return inPublicationOrder(sample);
  const streams = [...new Set(inPublicationOrder(sample.slice(0, batchSize)).map((commit) => commit.streamId))];
  const batch: StoredCommit[] = [];
  for (const streamId of streams) {
    batch.push(...(await commits.unpublishedOf(streamId, batchSize)));
    if (batch.length >= batchSize) break;
  }
  return batch;
}

/** Groups by stream (streams ordered by their earliest commit), versions ascending within a stream. */
export function inPublicationOrder(commits: readonly StoredCommit[]): StoredCommit[] {
  const byStream = new Map<string, StoredCommit[]>();
  const byAge = [...commits].sort((a, b) => a.committedAt.getTime() - b.committedAt.getTime());
  for (const commit of byAge) {
    const stream = byStream.get(commit.streamId);
    if (stream) stream.push(commit);
    else byStream.set(commit.streamId, [commit]);
  }
  return [...byStream.values()].flatMap((stream) => stream.sort((a, b) => a.fromVersion - b.fromVersion));
}
