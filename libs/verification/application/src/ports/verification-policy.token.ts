/** Binds a `Partial<VerificationPolicy>` (algorithms, clock skew, RSA size) from configuration. */
export const VERIFICATION_POLICY = Symbol('VERIFICATION_POLICY');
