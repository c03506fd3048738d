import type { VerifierKeyHash, VerifierProfile } from '@credstream/verification/domain';

/** A registered verifier organisation as verifications and analytics see it. */
export interface RegisteredVerifier extends VerifierProfile {
  organisationId: string;
}

export interface VerifierKeySummary {
  keyId: string;
  revoked: boolean;
}

/** A freshly made API key: the token is shown to its owner once; only the id and hash are kept. */
export interface IssuedVerifierKey extends VerifierKeyHash {
  token: string;
}

export interface VerifierKeyMaker {
  issue(): IssuedVerifierKey;
}

/**
 * The read model of registered verifiers' keys, kept up to date by the verifier-organisation use cases.
 * `identify` is on every keyed verification's path: adapters cache it.
 */
export interface VerifierDirectory {
  /** The organisation an active key belongs to; undefined for a malformed, unknown or revoked key. */
  identify(token: string): Promise<RegisteredVerifier | undefined>;
  keys(organisationId: string): Promise<VerifierKeySummary[]>;
  keyAdded(verifier: RegisteredVerifier, key: VerifierKeyHash): Promise<void>;
  keyRevoked(keyId: string): Promise<void>;
}

export const VERIFIER_KEY_MAKER = Symbol('VERIFIER_KEY_MAKER');
export const VERIFIER_DIRECTORY = Symbol('VERIFIER_DIRECTORY');
