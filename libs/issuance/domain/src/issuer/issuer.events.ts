import type { DomainEvent } from '@credstream/event-sourcing';

export const SIGNING_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A public JSON Web Key; the decider refuses any with private members. */
export type PublicJwk = { kty: string; [member: string]: unknown };

/** OB 3.0 Profile fields credstream keeps for an issuer. */
export interface IssuerProfile {
  name: string;
  url?: string;
  email?: string;
  description?: string;
  imageUrl?: string;
}

export type IssuerCreatedData = { issuerId: string; tenantId: string; did: string } & IssuerProfile;

export interface SigningKeyAddedData {
  issuerId: string;
  /** Verification method id `<did>#<fragment>`, equal to the JWT `kid`. */
  kid: string;
  alg: SigningAlgorithm;
  publicKeyJwk: PublicJwk;
  /** Opaque sealed reference from the key vault (an encrypted envelope or a KMS key name), never a private key. */
  keyRef: string;
}

export interface KeyActivatedData {
  issuerId: string;
  kid: string;
  alg: SigningAlgorithm;
  publicKeyJwk: PublicJwk;
  replacesKid: string | null;
}

export type IssuerEvent =
  | DomainEvent<'issuer.created.v1', IssuerCreatedData>
  | DomainEvent<'issuer.key-activated.v1', KeyActivatedData>
  // Internal events: stored, never published (not in the contracts catalogue).
  | DomainEvent<'issuer.profile-updated', { issuerId: string } & IssuerProfile>
  // Kept internal because it holds the keyRef; issuer.key-activated.v1 publishes the public half.
  | DomainEvent<'issuer.signing-key-added', SigningKeyAddedData>
  | DomainEvent<'issuer.signing-key-revoked', { issuerId: string; kid: string; reason: string; revokedAt: string }>;
