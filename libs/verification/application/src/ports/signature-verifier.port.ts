import type { AllowedAlgorithm, PublicJwk } from '@credstream/verification/domain';

export interface SignatureVerificationInput {
  alg: AllowedAlgorithm;
  /** The compact JWS as received, for implementations that take it whole (jose `compactVerify`). */
  compactJws: string;
  /** The first two segments: what the signature covers. */
  signingInput: string;
  /** The decoded third segment (ES256: raw r‖s, 64 bytes). */
  signature: Uint8Array;
}

/** Verifies a JWS signature with a public key already found and checked to suit the algorithm. */
export interface SignatureVerifier {
  /** False for a signature that does not verify, and for a key the implementation cannot import. */
  verify(input: SignatureVerificationInput, jwk: PublicJwk): Promise<boolean>;
}

export const SIGNATURE_VERIFIER = Symbol('SIGNATURE_VERIFIER');
