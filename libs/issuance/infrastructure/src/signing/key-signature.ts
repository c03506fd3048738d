import { type KeyObject, sign } from 'node:crypto';
import type { SigningKeyAlgorithm } from '@credstream/issuance/application';

/** A JWS signature over `data` (JOSE encodings: ES256 as r||s, RS256 PKCS#1 v1.5, EdDSA raw). */
export function jwsSignature(alg: SigningKeyAlgorithm, privateKey: KeyObject, data: Uint8Array): Buffer {
  switch (alg) {
    case 'ES256':
      return sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    case 'RS256':
      return sign('sha256', data, privateKey);
    case 'EdDSA':
      return sign(null, data, privateKey);
  }
}

/**
 * The reusable buffer of `compactJws`: grows in powers of two up to `maxBytes`; a payload that needs more gets a
 * buffer of its own, so one huge credential does not pin megabytes for good.
 */
export class JwsScratch {
  private buffer: Buffer;

  constructor(
    initialBytes: number,
    private readonly maxBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** A buffer of at least `bytes`, the kept one whenever it fits. */
  ofSize(bytes: number): Buffer {
    if (bytes <= this.buffer.length) return this.buffer;
    if (bytes > this.maxBytes) return Buffer.allocUnsafe(bytes);
    this.buffer = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(bytes)));
    return this.buffer;
  }
}

/**
 * The compact JWS of a payload's JSON under an encoded header. The scratch holds the payload's UTF-8 bytes and then
 * the signing input's bytes, so a loop over many payloads allocates little; `sign` must be done with the bytes
 * when it returns.
 */
export function compactJws(
  encodedHeader: string,
  payloadJson: string,
  sign: (data: Uint8Array) => Uint8Array,
  scratch: JwsScratch,
): string {
  // UTF-8 needs at most 3 bytes per UTF-16 unit; base64url is ASCII, one byte a character.
  const buffer = scratch.ofSize(encodedHeader.length + 4 + payloadJson.length * 4);
  const payloadBytes = buffer.write(payloadJson, 0, 'utf8');
  const signingInput = `${encodedHeader}.${buffer.toString('base64url', 0, payloadBytes)}`;
  const inputBytes = buffer.write(signingInput, 0, 'latin1');
  const signature = sign(buffer.subarray(0, inputBytes));
  return `${signingInput}.${base64url(signature)}`;
}

export function base64url(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString(
    'base64url',
  );
}
