import { ISSUER_ERROR_CODES as CODES, IssuerError } from './issuer.errors';
import type { PublicJwk, SigningAlgorithm } from './issuer.events';
import type { IssuerState, SigningKeyState, SigningKeyStatus } from './issuer.state';

/** What the application needs to sign: never published, since it holds the keyRef. */
export interface ActiveSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  keyRef: string;
}

export interface VerificationKey {
  kid: string;
  alg: SigningAlgorithm;
  publicKeyJwk: PublicJwk;
}

/** The key that signs new credentials; throws ISSUER_NO_ACTIVE_KEY (before any signing is attempted) if none. */
export function requireActiveSigningKey(state: IssuerState): ActiveSigningKey {
  if (state.issuerId === undefined) throw new IssuerError(CODES.notFound, 'the issuer does not exist');
  const key = state.activeKid === null ? undefined : state.keys[state.activeKid];
  if (!key) throw new IssuerError(CODES.noActiveKey, `issuer ${state.issuerId} has no active signing key`);
  return { kid: key.kid, alg: key.alg, keyRef: key.keyRef };
}

/** For the credential issue command: `unknown` when the kid was never this issuer's. */
export function signingKeyStatus(state: IssuerState, kid: string): SigningKeyStatus | 'unknown' {
  return state.keys[kid]?.status ?? 'unknown';
}

/** Keys the DID document lists: the active one and every retired one, so old credentials keep verifying. */
export function verificationKeys(state: IssuerState): VerificationKey[] {
  return Object.values(state.keys)
    .filter((key: SigningKeyState) => key.status !== 'revoked')
    .map(({ kid, alg, publicKeyJwk }) => ({ kid, alg, publicKeyJwk }));
}
