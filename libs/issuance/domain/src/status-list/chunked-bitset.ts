/** Bits per chunk: 512 bytes, so setting one bit copies 512 bytes plus the chunk table, not the whole list. */
const CHUNK_BITS = 4096;
const CHUNK_BYTES = CHUNK_BITS / 8;

/**
 * An immutable bitset with structural sharing: `with` copies only the chunk it touches, so folding a status
 * list's stream (one event per allocation, 131,072+ of them over a list's life) stays linear instead of
 * copying 16 KB per event. All-zero chunks are not allocated. Bit order is Bitstring Status List's (index 0 is
 * the most significant bit of byte 0), so `toBytes()` feeds `BitstringStatusList.fromBytes` directly.
 */
export class ChunkedBitset {
  private constructor(
    readonly length: number,
    private readonly chunks: readonly (Uint8Array | undefined)[],
    /** Number of set bits. */
    readonly size: number,
  ) {}

  static empty(length: number): ChunkedBitset {
    return new ChunkedBitset(length, new Array<undefined>(Math.ceil(length / CHUNK_BITS)).fill(undefined), 0);
  }

  /** Restores a bitset from `toBytes()` output (for snapshots). */
  static fromBytes(bytes: Uint8Array, length = bytes.length * 8): ChunkedBitset {
    const chunks: (Uint8Array | undefined)[] = [];
    let size = 0;
    for (let offset = 0; offset < Math.ceil(length / 8); offset += CHUNK_BYTES) {
      const chunk = bytes.slice(offset, offset + CHUNK_BYTES);
      const bits = countBits(chunk);
      size += bits;
      chunks.push(bits === 0 ? undefined : padded(chunk));
    }
    return new ChunkedBitset(length, chunks, size);
  }

  has(index: number): boolean {
    const chunk = this.chunks[Math.floor(index / CHUNK_BITS)];
    if (chunk === undefined || !this.inRange(index)) return false;
    const bit = index % CHUNK_BITS;
    return (chunk[bit >> 3] & (0x80 >> (bit & 7))) !== 0;
  }

  inRange(index: number): boolean {
    return Number.isSafeInteger(index) && index >= 0 && index < this.length;
  }

  /** A bitset with every given index set to `value`; `this` when nothing changes. Indexes must be in range. */
  with(indexes: readonly number[], value: boolean): ChunkedBitset {
    const chunks = [...this.chunks];
    const copies = new Map<number, Uint8Array>();
    let size = this.size;
    for (const index of indexes) {
      if (!this.inRange(index)) throw new RangeError(`bit ${index} is outside 0..${this.length - 1}`);
      const at = Math.floor(index / CHUNK_BITS);
      const bit = index % CHUNK_BITS;
      const mask = 0x80 >> (bit & 7);
      if ((((chunks[at]?.[bit >> 3] ?? 0) & mask) !== 0) === value) continue;
      let chunk = copies.get(at);
      if (!chunk) {
        const current = chunks[at];
        chunk = current ? Uint8Array.from(current) : new Uint8Array(CHUNK_BYTES);
        copies.set(at, chunk);
        chunks[at] = chunk;
      }
      chunk[bit >> 3] = value ? chunk[bit >> 3] | mask : chunk[bit >> 3] & ~mask;
      size += value ? 1 : -1;
    }
    return copies.size === 0 ? this : new ChunkedBitset(this.length, chunks, size);
  }

  toBytes(): Uint8Array {
    const bytes = new Uint8Array(Math.ceil(this.length / 8));
    this.chunks.forEach((chunk, at) => {
      if (chunk) bytes.set(chunk.subarray(0, Math.min(CHUNK_BYTES, bytes.length - at * CHUNK_BYTES)), at * CHUNK_BYTES);
    });
    return bytes;
  }
}

function countBits(bytes: Uint8Array): number {
  let count = 0;
  for (let byte of bytes) {
    for (; byte !== 0; byte &= byte - 1) count++;
  }
  return count;
}

function padded(chunk: Uint8Array): Uint8Array {
  if (chunk.length === CHUNK_BYTES) return chunk;
  const full = new Uint8Array(CHUNK_BYTES);
  full.set(chunk);
  return full;
}
