import type { JwtSignableCredential } from '@credstream/open-badges';
import type { ActiveSigningKey } from './issuing-directory.port';

/** Signs a credential as a compact VC-JWT (OB 3.0 JWT proof format) with a vault key. */
export interface CredentialSigner {
  sign(credential: JwtSignableCredential, key: Pick<ActiveSigningKey, 'alg' | 'kid' | 'keyRef'>): Promise<string>;
  /** The same for a batch, in order: bulk issuance signs each batch in one call. */
  signAll(
    credentials: readonly JwtSignableCredential[],
    key: Pick<ActiveSigningKey, 'alg' | 'kid' | 'keyRef'>,
  ): Promise<string[]>;
}

export const CREDENTIAL_SIGNER = Symbol('CREDENTIAL_SIGNER');

/** Checks a credential against the official OB 3.0 AchievementCredential schema. */
export interface CredentialSchemaCheck {
  /** Problems as `path: message`; empty when valid. */
  problems(credential: unknown): string[];
}

export const CREDENTIAL_SCHEMA_CHECK = Symbol('CREDENTIAL_SCHEMA_CHECK');
