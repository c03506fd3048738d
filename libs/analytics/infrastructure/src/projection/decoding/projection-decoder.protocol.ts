import type { PackedRecords } from './packed-records';
import type { ProjectedRecords } from './project-records';

/** What the decoding thread starts with. */
export interface DecoderWorkerData {
  /** Hashes of every erased recipient key and id (see erasure-list.ts). */
  erasedHashes: string[];
}

export type DecoderRequest = { kind: 'project'; id: number; records: PackedRecords };

export type DecoderReply =
  | { kind: 'ready' }
  | ({ kind: 'projected'; id: number } & ProjectedRecords)
  | { kind: 'failed'; id: number; error: string };
