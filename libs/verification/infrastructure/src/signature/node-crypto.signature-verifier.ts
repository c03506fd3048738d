import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureVerificationInput, SignatureVerifier } from '@credstream/verification/application';
import { ALLOWED_ALGORITHMS, type AllowedAlgorithm, type PublicJwk } from '@credstream/verification/domain';

const HASH: Record<AllowedAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };
/** JOSE signature lengths in bytes (ES256: raw r‖s; EdDSA: Ed25519). RS256 depends on the modulus. */
const EXACT_LENGTH: Partial<Record<AllowedAlgorithm, number>> = { ES256: 64, EdDSA: 64 };
const KEY_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/** A verified token: with which imported key and algorithm, and whether its signature held. */
interface Verdict {
  key: KeyObject;
  alg: AllowedAlgorithm;
  valid: boolean;
}

/** Tokens longer than this are verified every time rather than remembered. */
const MAX_REMEMBERED_TOKEN_LENGTH = 32 * 1024;

/**
 * {@link SignatureVerifier} with node:crypto over the already decoded signing input and signature, the imported
 * keys cached by their public members: the same issuer key is imported once, not per credential. The checks before
 * it have already matched the key to the algorithm; a key node cannot import is a failed signature, never a throw.
 *
 * A signature's validity is a function of the token's exact bytes, the algorithm and the key: the verdicts of the
 * last `maxRememberedVerdicts` tokens are remembered with the key object they were checked with, so the same
 * credential verified again with the same key (found anew for every verification) is not checked again. A verdict
 * of another key (rotated, re-imported) does not count.
 */
export class NodeCryptoSignatureVerifier implements SignatureVerifier {
  private readonly keys = new Map<string, KeyObject | null>();
  private readonly verdicts = new Map<string, Verdict>();

  constructor(
    private readonly maxCachedKeys = 10_000,
    private readonly maxRememberedVerdicts = 1_000,
  ) {}

  async verify({ alg, compactJws, signingInput, signature }: SignatureVerificationInput, jwk: PublicJwk) {
    if (!ALLOWED_ALGORITHMS.includes(alg)) return false;
    const length = EXACT_LENGTH[alg];
    if (length !== undefined && signature.length !== length) return false;
    const key = this.importKey(jwk);
    if (!key) return false;
    // Remembered only under the text of exactly the bytes checked: the signing input, a dot, the signature.
    if (!isCompactFormOf(compactJws, signingInput, signature)) return verifyWith(key, alg, signingInput, signature);
    const remembered = this.verdicts.get(compactJws);
    if (remembered && remembered.key === key && remembered.alg === alg) return remembered.valid;
    const valid = verifyWith(key, alg, signingInput, signature);
    this.remember(compactJws, { key, alg, valid });
    return valid;
  }

  private remember(token: string, verdict: Verdict): void {
    if (this.maxRememberedVerdicts <= 0 || token.length > MAX_REMEMBERED_TOKEN_LENGTH) return;
    this.verdicts.delete(token);
    if (this.verdicts.size >= this.maxRememberedVerdicts) {
      const oldest = this.verdicts.keys().next().value;
      if (oldest !== undefined) this.verdicts.delete(oldest);
    }
    this.verdicts.set(token, verdict);
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

function verifyWith(key: KeyObject, alg: AllowedAlgorithm, signingInput: string, signature: Uint8Array): boolean {
  try {
    return verify(HASH[alg], Buffer.from(signingInput, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function isCompactFormOf(compactJws: string, signingInput: string, signature: Uint8Array): boolean {
  return (
    compactJws.startsWith(signingInput) &&
    compactJws.charAt(signingInput.length) === '.' &&
    compactJws.slice(signingInput.length + 1) === Buffer.from(signature).toString('base64url')
  );
}
