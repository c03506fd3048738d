import type { Erasure } from '@credstream/analytics/domain';

/** Bytes reserved per chunk of TabSeparated text; a row longer than this gets a chunk of its own size. */
const CHUNK_BYTES = 1 << 20;

/**
 * What a flush writes and then commits: rows (as TabSeparated bytes), erasures, and the last handled offset per
 * partition. Rows are encoded into a few large buffers as they arrive rather than kept as strings: thousands of
 * strings held until the flush would outlive the young generation and make every old-generation GC copy them.
 */
export interface PendingBatch {
  /** TabSeparated rows; all but the last chunk are full up to `chunkEnds`. */
  chunks: Buffer[];
  /** Bytes written into each chunk. */
  chunkEnds: number[];
  rows: number;
  erasures: Erasure[];
  /** `topic` → partition → last handled offset. */
  offsets: Map<string, Map<number, string>>;
  startedAt: number;
  messages: number;
}

export function emptyBatch(now: number): PendingBatch {
  return { chunks: [], chunkEnds: [], rows: 0, erasures: [], offsets: new Map(), startedAt: now, messages: 0 };
}

/** Appends one newline-terminated TabSeparated row (`tsvLine`) as UTF-8. */
export function appendRow(batch: PendingBatch, line: string): void {
  const last = batch.chunks.length - 1;
  const chunk = batch.chunks[last];
  const end = batch.chunkEnds[last] ?? 0;
  // A UTF-16 code unit is at most 3 bytes of UTF-8: within this bound `write` never truncates the row.
  if (chunk !== undefined && line.length * 3 <= chunk.length - end) {
    batch.chunkEnds[last] = end + chunk.write(line, end);
  } else {
    const fresh = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, line.length * 3));
    batch.chunks.push(fresh);
    batch.chunkEnds.push(fresh.write(line, 0));
  }
  batch.rows += 1;
}

/** Appends `count` rows already encoded as TabSeparated bytes (from the decoding thread), as a chunk of their own. */
export function appendRows(batch: PendingBatch, bytes: Uint8Array, count: number): void {
  if (count === 0) return;
  batch.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  batch.chunkEnds.push(bytes.byteLength);
  batch.rows += count;
}

/** The rows written so far, as byte ranges in order. */
export function rowBytes(batch: PendingBatch): Buffer[] {
  return batch.chunks.map((chunk, index) => chunk.subarray(0, batch.chunkEnds[index]));
}

/** Records that the partition's messages up to `offset` (`count` of them since the last call) are in the batch. */
export function markHandled(batch: PendingBatch, topic: string, partition: number, offset: string, count = 1): void {
  let partitions = batch.offsets.get(topic);
  if (partitions === undefined) batch.offsets.set(topic, (partitions = new Map<number, string>()));
  partitions.set(partition, offset);
  batch.messages += count;
}

/** The offsets to commit: the next one after the last handled, per partition, as Kafka expects. */
export function commitList(batch: PendingBatch): { topic: string; partition: number; offset: string }[] {
  return [...batch.offsets].flatMap(([topic, partitions]) =>
    [...partitions].map(([partition, offset]) => ({ topic, partition, offset: (BigInt(offset) + 1n).toString() })),
  );
}

/** A flush is due when the batch is full, or when its oldest message has waited long enough. */
export function flushDue(batch: PendingBatch, now: number, maxRows: number, maxWaitMs: number): boolean {
  if (batch.messages === 0) return false;
  return batch.rows >= maxRows || now - batch.startedAt >= maxWaitMs;
}
