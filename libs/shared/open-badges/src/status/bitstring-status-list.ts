import { gunzipSync, gzipSync } from 'node:zlib';

/** Bitstring Status List v1.0 minimum: 16 KB, so one credential hides among at least 131,072. */
export const MIN_STATUS_LIST_BITS = 131_072;
/** Refuse to inflate foreign lists beyond this (a gzip bomb guard); 16 MiB = 134M entries. */
const DEFAULT_MAX_DECODED_BYTES = 16 * 1024 * 1024;

export class StatusListDecodeError extends Error {
  override readonly name = 'StatusListDecodeError';
}

/** A status bitstring; index 0 is the left-most (most significant) bit of the first byte, per the spec. */
export class BitstringStatusList {
  private constructor(private readonly bytes: Uint8Array) {}

  static create(lengthBits = MIN_STATUS_LIST_BITS): BitstringStatusList {
    if (!Number.isInteger(lengthBits) || lengthBits < MIN_STATUS_LIST_BITS || lengthBits % 8 !== 0) {
      throw new RangeError(`a status list has a whole number of bytes and at least ${MIN_STATUS_LIST_BITS} bits`);
    }
    return new BitstringStatusList(new Uint8Array(lengthBits / 8));
  }

  static fromBytes(bytes: Uint8Array): BitstringStatusList {
    return new BitstringStatusList(Uint8Array.from(bytes));
  }

  /**
   * Decodes an `encodedList`: multibase base64url (`u` prefix) of GZIP, as Bitstring Status List v1.0 says,
   * or StatusList2021's plain base64url of GZIP (which always starts `H4sI`, the gzip magic).
   */
  static decode(encodedList: string, options: { maxBytes?: number } = {}): BitstringStatusList {
    if (typeof encodedList !== 'string' || encodedList.length === 0) throw new StatusListDecodeError('empty list');
    const body = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(body)) throw new StatusListDecodeError('encodedList is not base64url');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(body, 'base64url'), {
        maxOutputLength: options.maxBytes ?? DEFAULT_MAX_DECODED_BYTES,
      });
    } catch (error) {
      throw new StatusListDecodeError(`encodedList does not inflate: ${(error as Error).message}`);
    }
    return new BitstringStatusList(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.assertIndex(index);
    return (this.bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value = true): void {
    this.assertIndex(index);
    if (value) this.bytes[index >> 3] |= 0x80 >> (index & 7);
    else this.bytes[index >> 3] &= ~(0x80 >> (index & 7));
  }

  /** `u` + base64url(GZIP(bitstring)); deterministic (Node writes a zero gzip mtime). */
  encode(): string {
    return `u${gzipSync(this.bytes, { level: 9 }).toString('base64url')}`;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`status index ${index} is outside 0..${this.length - 1}`);
    }
  }
}
