import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { AllowedAlgorithm, PublicJwk } from '@credstream/verification/domain';
import type { SignatureVerifier } from '../ports/signature-verifier.port';

/** A real key pair, generated per test run. */
export interface TestKey {
  alg: AllowedAlgorithm;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

export function generateTestKey(alg: AllowedAlgorithm): TestKey {
  const pair =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  return { alg, privateKey: pair.privateKey, publicJwk: pair.publicKey.export({ format: 'jwk' }) as PublicJwk };
}

const HASH: Record<AllowedAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };

/** JOSE signature bytes (ES256: raw r‖s) over the signing input. */
export function signJws(key: TestKey, signingInput: string): Buffer {
  return sign(HASH[key.alg], Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
}

/** The SignatureVerifier port with node:crypto, as an adapter would do it. */
export const nodeCryptoSignatureVerifier: SignatureVerifier = {
  async verify({ alg, signingInput, signature }, jwk) {
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    return verify(HASH[alg], Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature);
  },
};
