/** Asymmetric algorithms a credential may be signed with. Never `none`, never an HMAC (`HS*`). */
export type AllowedAlgorithm = 'ES256' | 'RS256' | 'EdDSA';

export const ALLOWED_ALGORITHMS: readonly AllowedAlgorithm[] = ['ES256', 'RS256', 'EdDSA'];

export interface VerificationPolicy {
  /** A subset of {@link ALLOWED_ALGORITHMS}; anything outside that set is refused whatever this says. */
  allowedAlgorithms: readonly AllowedAlgorithm[];
  /** Tolerance for clocks that disagree, applied to validFrom and validUntil. */
  clockSkewSeconds: number;
  /** RSA keys shorter than this are refused. */
  minRsaModulusBits: number;
}

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  allowedAlgorithms: ALLOWED_ALGORITHMS,
  clockSkewSeconds: 60,
  minRsaModulusBits: 2048,
};

export function verificationPolicy(overrides: Partial<VerificationPolicy> = {}): VerificationPolicy {
  return { ...DEFAULT_VERIFICATION_POLICY, ...overrides };
}
