import type { SignatureVerificationInput, SignatureVerifier } from '@credstream/verification/application';
import { ALLOWED_ALGORITHMS, type PublicJwk } from '@credstream/verification/domain';
import { compactVerify, importJWK, type JWK } from 'jose';

/** {@link SignatureVerifier} with jose: false for a bad signature, a malformed token or a key it cannot import. */
export class JoseSignatureVerifier implements SignatureVerifier {
  async verify({ alg, compactJws }: SignatureVerificationInput, jwk: PublicJwk): Promise<boolean> {
    if (!ALLOWED_ALGORITHMS.includes(alg)) return false;
    try {
      const key = await importJWK(jwk as JWK, alg);
      // `algorithms` makes jose refuse a header whose alg differs from the one the checks accepted.
      await compactVerify(compactJws, key, { algorithms: [alg] });
      return true;
    } catch {
      return false;
    }
  }
}
