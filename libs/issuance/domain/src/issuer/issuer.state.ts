import type { IssuerProfile, PublicJwk, SigningAlgorithm } from './issuer.events';

/** `retired`: replaced by a rotation, still verifies. `revoked`: compromised, neither signs nor verifies. */
export type SigningKeyStatus = 'active' | 'retired' | 'revoked';

export interface SigningKeyState {
  kid: string;
  alg: SigningAlgorithm;
  publicKeyJwk: PublicJwk;
  keyRef: string;
  status: SigningKeyStatus;
}

export interface IssuerState {
  /** Undefined until the issuer is created. */
  issuerId?: string;
  tenantId: string;
  did: string;
  profile: IssuerProfile;
  /** By kid, in the order the keys were added (the DID document lists them so). */
  keys: Readonly<Record<string, SigningKeyState>>;
  activeKid: string | null;
}
