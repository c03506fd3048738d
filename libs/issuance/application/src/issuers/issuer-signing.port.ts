import type { IssuerProfile, SigningAlgorithm } from '@credstream/issuance/domain';

/** What signing a credential for an issuer needs: its DID, the exact kid, the algorithm, and a way to sign. */
export interface ActiveIssuerSigner {
  tenantId: string;
  issuerId: string;
  did: string;
  /** The verification method id in the issuer's DID document, to use verbatim as the JWT `kid`. */
  kid: string;
  alg: SigningAlgorithm;
  profile: IssuerProfile;
  /** The vault's opaque sealed reference (for VcJwtSigner); never log, return or put it in an event. */
  keyRef: string;
  /** Signs a JWS signing input; the signature is in JOSE form (ES256: r‖s, 64 bytes). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface IssuerSigningService {
  /**
   * The issuer's active key. Throws IssuerError ISSUER_NOT_FOUND (unknown, or another tenant's issuer)
   * or ISSUER_NO_ACTIVE_KEY. After a rotation it returns the new key.
   */
  activeSigner(tenantId: string, issuerId: string): Promise<ActiveIssuerSigner>;
}

export const ISSUER_SIGNING_SERVICE = Symbol('ISSUER_SIGNING_SERVICE');
