import {
  checkAlgorithm,
  checkKeyBinding,
  checkKeySuitability,
  failed,
  passed,
  resolveKeyLocally,
  type AllowedAlgorithm,
  type CheckResult,
  type Failure,
  type KeyReference,
  type ParsedCredentialJwt,
  type PublicJwk,
  type VerificationPolicy,
  keyReferenceOf,
} from '@credstream/verification/domain';
import type { KeyResolver } from '../ports/key-resolver.port';
import type { SignatureVerifier } from '../ports/signature-verifier.port';
import { attempt } from '../support/attempt';

/**
 * The proof checks of any VC-JWT (a credential or a status list credential): algorithm, key, signature. Stops
 * at the first failure, so no key is fetched for a refused algorithm and no signature checked without a key.
 */
export class JwtProofVerifier {
  constructor(
    private readonly keyResolver: KeyResolver,
    private readonly signatureVerifier: SignatureVerifier,
    private readonly policy: VerificationPolicy,
  ) {}

  /** @param knownKeys keys of a credstream issuer by `kid`, from the local projection: used without any fetch. */
  async verify(jwt: ParsedCredentialJwt, knownKeys?: Readonly<Record<string, PublicJwk>>): Promise<CheckResult[]> {
    const algorithm = checkAlgorithm(jwt.header, this.policy.allowedAlgorithms);
    if (algorithm.status !== 'passed') return [algorithm];
    const alg = jwt.header['alg'] as AllowedAlgorithm;
    const key = await this.findKey(jwt, alg, knownKeys);
    if (!key.ok) return [algorithm, failed('key', key.failure.code, key.failure.message)];
    const keyCheck = passed('key', key.source);
    return [algorithm, keyCheck, await this.checkSignature(jwt, alg, key.jwk)];
  }

  private async findKey(
    jwt: ParsedCredentialJwt,
    alg: AllowedAlgorithm,
    knownKeys: Readonly<Record<string, PublicJwk>> | undefined,
  ): Promise<{ ok: true; jwk: PublicJwk; source: string } | { ok: false; failure: Failure }> {
    const reference = keyReferenceOf(jwt.header, jwt.issuerId);
    if (!reference.ok) return reference;
    const binding = checkKeyBinding(reference.reference, jwt.issuerId);
    if (binding) return { ok: false, failure: binding };
    const found = await this.resolve(reference.reference, knownKeys);
    if (!found.ok) return found;
    const unsuitable = checkKeySuitability(found.jwk, alg, this.policy.minRsaModulusBits);
    return unsuitable ? { ok: false, failure: unsuitable } : { ...found, source: describe(reference.reference) };
  }

  private async resolve(
    reference: KeyReference,
    knownKeys: Readonly<Record<string, PublicJwk>> | undefined,
  ): Promise<{ ok: true; jwk: PublicJwk } | { ok: false; failure: Failure }> {
    const known = reference.kind === 'kid' ? knownKeys?.[reference.kid] : undefined;
    if (known) return { ok: true, jwk: known };
    const local = resolveKeyLocally(reference);
    if (local.kind === 'resolved') return { ok: true, jwk: local.jwk };
    if (local.kind === 'failed') return { ok: false, failure: local.failure };
    return attempt(
      () => this.keyResolver.resolve(local.kid),
      (message) => ({
        ok: false,
        failure: { code: 'KEY_NOT_FOUND', message: `the key could not be resolved: ${message}` },
      }),
    );
  }

  private async checkSignature(jwt: ParsedCredentialJwt, alg: AllowedAlgorithm, jwk: PublicJwk): Promise<CheckResult> {
    const input = { alg, compactJws: jwt.token, signingInput: jwt.signingInput, signature: jwt.signature };
    const valid =
      jwt.signature.length > 0 &&
      (await attempt(
        () => this.signatureVerifier.verify(input, jwk),
        () => false,
      ));
    return valid
      ? passed('signature')
      : failed('signature', 'SIGNATURE_INVALID', 'the signature does not verify with the issuer key');
  }
}

function describe(reference: KeyReference): string {
  return reference.kind === 'kid' ? `key ${reference.kid}` : 'key embedded in the JOSE header';
}
