import { contractFor } from '@credstream/contracts';
import { type Erasure, type RecipientKeyOf, toAnalyticsRow } from '@credstream/analytics/domain';
import { decodeEventMessage, type RejectionReason } from '@credstream/messaging';
import { tsvLine } from '../../clickhouse/tab-separated';
import type { ErasureList } from '../erasure-list';
import { appendRow, emptyBatch, rowBytes } from '../projection-buffer';
import { forEachValue, type PackedRecords } from './packed-records';

/** A record that goes to the dead-letter topic instead of ClickHouse. */
export interface RejectedRecord {
  index: number;
  reason: RejectionReason;
  type: string;
  error: string;
}

/** What one packed batch became: its rows as TabSeparated bytes, the erasures it asked for, and its rejects. */
export interface ProjectedRecords {
  /** TabSeparated rows in record order, in a buffer of their own (transferable between threads). */
  rows: Uint8Array;
  rowCount: number;
  erasures: Erasure[];
  rejected: RejectedRecord[];
  /** Events projected, per type (for the consumer metrics). */
  typeCounts: [string, number][];
}

const handlesEveryContract = (type: string): boolean => contractFor(type) !== undefined;

/**
 * Decodes, validates and flattens every record of one fetched batch into TabSeparated rows. Rows about recipients on
 * the erasure list arrive blank; an erasure request met here joins the list at once, so later rows are blanked too.
 */
export function projectRecords(
  packed: PackedRecords,
  erasures: ErasureList,
  recipientKeyOf: RecipientKeyOf,
): ProjectedRecords {
  const { topic, partition, offsets } = packed;
  const rows = emptyBatch(0);
  const requested: Erasure[] = [];
  const rejected: RejectedRecord[] = [];
  const typeCounts = new Map<string, number>();
  forEachValue(packed, (value, index) => {
    const decoded = decodeEventMessage(value, topic, handlesEveryContract);
    if (decoded.kind === 'rejected') {
      rejected.push({ index, reason: decoded.reason, type: decoded.type, error: decoded.error });
      return;
    }
    if (decoded.kind === 'ignored') return;
    const { event } = decoded;
    const projected = toAnalyticsRow(event, { topic, partition, offset: offsets[index] }, recipientKeyOf);
    if (projected.erasure) {
      erasures.add(projected.erasure);
      requested.push(projected.erasure);
    }
    appendRow(rows, tsvLine(erasures.scrub(projected.row)));
    typeCounts.set(event.type, (typeCounts.get(event.type) ?? 0) + 1);
  });
  return {
    rows: concatenated(rowBytes(rows)),
    rowCount: rows.rows,
    erasures: requested,
    rejected,
    typeCounts: [...typeCounts],
  };
}

/**
 * One right-sized buffer that owns its memory: the 1 MiB encoding chunks are not transferred as they are, or a run
 * of small fetched batches would each hold a mostly empty megabyte until the flush.
 */
function concatenated(chunks: readonly Buffer[]): Uint8Array {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
