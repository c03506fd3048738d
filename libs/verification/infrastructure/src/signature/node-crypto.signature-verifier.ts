import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureVerificationInput, SignatureVerifier } from '@credstream/verification/application';
import { ALLOWED_ALGORITHMS, type AllowedAlgorithm, type PublicJwk } from '@credstream/verification/domain';

const HASH: Record<AllowedAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };
/** JOSE signature lengths in bytes (ES256: raw r‖s; EdDSA: Ed25519). RS256 depends on the modulus. */
const EXACT_LENGTH: Partial<Record<AllowedAlgorithm, number>> = { ES256: 64, EdDSA: 64 };
const KEY_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/**
 * {@link SignatureVerifier} with node:crypto over the already decoded signing input and signature, the imported
 * keys cached by their public members: the same issuer key is imported once, not per credential. The checks before
 * it have already matched the key to the algorithm; a key node cannot import is a failed signature, never a throw.
 */
export class NodeCryptoSignatureVerifier implements SignatureVerifier {
  private readonly keys = new Map<string, KeyObject | null>();

  constructor(private readonly maxCachedKeys = 10_000) {}

  async verify({ alg, signingInput, signature }: SignatureVerificationInput, jwk: PublicJwk): Promise<boolean> {
    if (!ALLOWED_ALGORITHMS.includes(alg)) return false;
    const length = EXACT_LENGTH[alg];
    if (length !== undefined && signature.length !== length) return false;
    const key = this.importKey(jwk);
    if (!key) return false;
    try {
      return verify(HASH[alg], Buffer.from(signingInput, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
  }

  private importKey(jwk: PublicJwk): KeyObject | null {
    const id = KEY_MEMBERS.map((member) => String(jwk[member] ?? '')).join('|');
    let key = this.keys.get(id);
    if (key !== undefined) return key;
    try {
      const publicOnly = Object.fromEntries(KEY_MEMBERS.filter((m) => jwk[m] !== undefined).map((m) => [m, jwk[m]]));
      key = createPublicKey({ key: publicOnly as never, format: 'jwk' });
    } catch {
      key = null;
    }
    if (this.keys.size >= this.maxCachedKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(id, key);
    return key;
  }
}
