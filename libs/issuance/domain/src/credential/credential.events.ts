import type { DomainEvent } from '@credstream/event-sourcing';
import type { RecipientIdentity } from '../recipient/recipient-identity';

export const TRIGGER_KINDS = ['api', 'bulk', 'partner'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** What caused the issuance: a batch id for bulk, the partner event id for partner. */
export interface IssuanceTrigger {
  kind: TriggerKind;
  reference?: string;
}

export interface CredentialIssuedData {
  credentialId: string;
  tenantId: string;
  issuerId: string;
  issuerDid: string;
  /** The verification method that signed the JWT. */
  kid: string;
  achievementId: string;
  achievementRevision: number;
  recipient: RecipientIdentity;
  /** For delivery (the claim mail) only; analytics never stores it. */
  recipientEmail?: string;
  recipientName?: string;
  cohort?: string;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  jwt: string;
  trigger: IssuanceTrigger;
  /** The revocation status list credential URL and this credential's index in it. */
  statusListId: string;
  statusListIndex: number;
  suspensionStatusListId?: string;
  suspensionStatusListIndex?: number;
}

export type CredentialEvent =
  | DomainEvent<'credential.issued.v1', CredentialIssuedData>
  | DomainEvent<'credential.revoked.v1', { credentialId: string; revokedAt: string; reason?: string }>
  | DomainEvent<'credential.suspended.v1', { credentialId: string; suspendedAt: string; reason: string }>
  | DomainEvent<'credential.reinstated.v1', { credentialId: string; reinstatedAt: string; reason?: string }>;
