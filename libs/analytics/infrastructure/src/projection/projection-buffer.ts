import type { Erasure } from '@credstream/analytics/domain';

/** What a flush writes and then commits: rows (as TabSeparated lines), erasures, and the next offset per partition. */
export interface PendingBatch {
  rows: string[];
  erasures: Erasure[];
  /** `topic` → partition → next offset (last handled + 1), as Kafka commits expect. */
  offsets: Map<string, Map<number, string>>;
  startedAt: number;
  messages: number;
}

export function emptyBatch(now: number): PendingBatch {
  return { rows: [], erasures: [], offsets: new Map(), startedAt: now, messages: 0 };
}

export function markHandled(batch: PendingBatch, topic: string, partition: number, offset: string): void {
  const partitions = batch.offsets.get(topic) ?? new Map<number, string>();
  partitions.set(partition, (BigInt(offset) + 1n).toString());
  batch.offsets.set(topic, partitions);
  batch.messages += 1;
}

export function commitList(batch: PendingBatch): { topic: string; partition: number; offset: string }[] {
  return [...batch.offsets].flatMap(([topic, partitions]) =>
    [...partitions].map(([partition, offset]) => ({ topic, partition, offset })),
  );
}

/** A flush is due when the batch is full, or when its oldest message has waited long enough. */
export function flushDue(batch: PendingBatch, now: number, maxRows: number, maxWaitMs: number): boolean {
  if (batch.messages === 0) return false;
  return batch.rows.length >= maxRows || now - batch.startedAt >= maxWaitMs;
}
