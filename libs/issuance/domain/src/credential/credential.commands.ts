import type { DomainCommand } from '@credstream/event-sourcing';
import type { SigningKeyStatus } from '../issuer/issuer.state';
import type { RecipientInput } from '../recipient/recipient-identity';
import type { IssuanceTrigger } from './credential.events';

/** An allocated entry in a Bitstring Status List: the list credential's URL and the index in it. */
export interface StatusEntry {
  statusListId: string;
  index: number;
}

/**
 * Everything the application resolved before asking the domain: the issuer's signing key and its status
 * (`signingKeyStatus`), the achievement revision and whether it is archived, the allocated status entries,
 * the random salt, and the JWT it signed outside the domain.
 */
export interface IssueCredentialData {
  credentialId: string;
  tenantId: string;
  issuer: { issuerId: string; did: string; kid: string; keyStatus: SigningKeyStatus | 'unknown' };
  achievement: { achievementId: string; revision: number; archived: boolean };
  recipient: RecipientInput;
  recipientName?: string;
  cohort?: string;
  validFrom: string;
  validUntil?: string;
  status: { revocation: StatusEntry; suspension?: StatusEntry };
  issuedAt: string;
  jwt: string;
  trigger: IssuanceTrigger;
}

export type IssueCredential = DomainCommand<'issue-credential', IssueCredentialData>;
export type RevokeCredential = DomainCommand<'revoke-credential', { reason: string; revokedAt: string }>;
export type SuspendCredential = DomainCommand<'suspend-credential', { reason: string; suspendedAt: string }>;
export type ReinstateCredential = DomainCommand<'reinstate-credential', { reason?: string; reinstatedAt: string }>;

export type CredentialCommand = IssueCredential | RevokeCredential | SuspendCredential | ReinstateCredential;
