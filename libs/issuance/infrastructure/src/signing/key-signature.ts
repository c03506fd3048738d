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
 * The compact JWS of a payload's JSON under an encoded header. `scratch` (optional, reused by the caller) holds the
 * payload's UTF-8 bytes and then the signing input's bytes, so a loop over many payloads allocates little.
 */
export function compactJws(
  encodedHeader: string,
  payloadJson: string,
  sign: (data: Uint8Array) => Uint8Array,
  scratch: Buffer,
): string {
  const payloadBytes = scratch.write(payloadJson, 0, 'utf8');
  const signingInput = `${encodedHeader}.${scratch.toString('base64url', 0, payloadBytes)}`;
  const inputBytes = scratch.write(signingInput, 0, 'latin1');
  const signature = sign(scratch.subarray(0, inputBytes));
  return `${signingInput}.${base64url(signature)}`;
}

/** Bytes `compactJws` needs in its scratch buffer for a payload of this many UTF-16 units. */
export function compactJwsScratchBytes(encodedHeader: string, payloadJson: string): number {
  // UTF-8 needs at most 3 bytes per UTF-16 unit; base64url is ASCII, one byte a character.
  return encodedHeader.length + 4 + payloadJson.length * 4;
}

export function base64url(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString(
    'base64url',
  );
}
