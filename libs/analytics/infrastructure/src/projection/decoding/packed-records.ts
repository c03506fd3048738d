/**
 * The values of one fetched Kafka batch (one topic partition), copied into a single buffer so they cross to the
 * decoding thread as one transfer instead of thousands of structured clones.
 */
export interface PackedRecords {
  topic: string;
  partition: number;
  /** Each record's offset, in order. */
  offsets: string[];
  /** Every value's bytes, back to back. */
  bytes: Uint8Array;
  /** Where each value ends in `bytes`; -1 for a record without a value (a tombstone). */
  ends: Int32Array;
}

interface RecordLike {
  offset: string;
  value: Buffer | null;
}

export function packRecords(topic: string, partition: number, records: readonly RecordLike[]): PackedRecords {
  let size = 0;
  for (const record of records) size += record.value?.length ?? 0;
  const bytes = new Uint8Array(size);
  const ends = new Int32Array(records.length);
  const offsets: string[] = new Array<string>(records.length);
  let at = 0;
  for (let index = 0; index < records.length; index++) {
    const { value, offset } = records[index];
    offsets[index] = offset;
    if (value === null) {
      ends[index] = -1;
      continue;
    }
    bytes.set(value, at);
    at += value.length;
    ends[index] = at;
  }
  return { topic, partition, offsets, bytes, ends };
}

/** Calls `visit` with each record's value (a view into the packed bytes, not a copy; null for a tombstone). */
export function forEachValue(packed: PackedRecords, visit: (value: Buffer | null, index: number) => void): void {
  let start = 0;
  for (let index = 0; index < packed.ends.length; index++) {
    const end = packed.ends[index];
    if (end < 0) {
      visit(null, index);
      continue;
    }
    visit(Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset + start, end - start), index);
    start = end;
  }
}
