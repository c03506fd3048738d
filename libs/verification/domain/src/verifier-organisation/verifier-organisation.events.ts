import type { DomainEvent } from '@credstream/event-sourcing';

/** Who a registered verifier is, as analytics reports it: a name, an ISIC sector and a country. */
export interface VerifierProfile {
  name: string;
  /** ISIC Rev. 4 section letter, optionally with its division/group/class digits, e.g. `M` or `M69`. */
  sector: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** An API key as stored: its public id and the sha256 of the whole key, never the secret. */
export interface VerifierKeyHash {
  keyId: string;
  hash: string;
}

/** Internal to the verification service (stored, never published): they hold key hashes. */
export type VerifierOrganisationEvent =
  | DomainEvent<
      'verifier-organisation.registered',
      VerifierProfile & { organisationId: string; key: VerifierKeyHash; registeredAt: string }
    >
  | DomainEvent<'verifier-organisation.key-issued', { organisationId: string; key: VerifierKeyHash; issuedAt: string }>
  | DomainEvent<'verifier-organisation.key-revoked', { organisationId: string; keyId: string; revokedAt: string }>;

export const verifierOrganisationStreamId = (organisationId: string) => `verifier-organisation-${organisationId}`;
