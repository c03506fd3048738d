import type { KnownCredentialStatus, PublicJwk } from '@credstream/verification/domain';

/** An issuer registered with credstream, as the local projection of issuance events knows it. */
export interface KnownIssuer {
  did: string;
  /** Public keys by verification method id (the JWT `kid`), retired ones included so old credentials verify. */
  keys: Readonly<Record<string, PublicJwk>>;
  /** The credstream tenant (institution) the issuer belongs to. */
  tenantId?: string;
  name?: string;
}

/**
 * credstream's own issuers, revocations and key rotations, projected from issuance events: what lets the
 * verification of a credstream credential need no call to the issuance service nor any HTTP fetch.
 */
export interface IssuerDirectory {
  findIssuer(issuerId: string): Promise<KnownIssuer | undefined>;
  /** Undefined when the projection does not know the credential (then the published status list decides). */
  credentialStatus(issuerId: string, credentialId: string): Promise<KnownCredentialStatus | undefined>;
}

export const ISSUER_DIRECTORY = Symbol('ISSUER_DIRECTORY');
