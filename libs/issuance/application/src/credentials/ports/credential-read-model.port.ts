import type { CredentialLifecycleStatus, TriggerKind } from '@credstream/issuance/domain';

/** One credential as lists and searches show it (never the plain email, never the JWT). */
export interface CredentialSummary {
  credentialId: string;
  tenantId: string;
  issuerId: string;
  achievementId: string;
  achievementRevision: number;
  /** The salted identityHash (email) or the DID. */
  recipientHash: string;
  /** Unsalted sha256 of the normalised email or DID: what a search by recipient uses. */
  recipientKey: string;
  recipientName?: string;
  status: Exclude<CredentialLifecycleStatus, 'none'>;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  trigger: TriggerKind;
  /** Bulk job that issued it, if any. */
  jobId?: string;
}

export interface CredentialSearch {
  tenantId: string;
  achievementId?: string;
  recipientKey?: string;
  recipientHash?: string;
  status?: CredentialSummary['status'];
  issuedFrom?: string;
  issuedTo?: string;
  limit: number;
  /** Opaque cursor from the previous page. */
  after?: string;
}

/** A count of a tenant's credentials by top-level equality only (cheap on every backend). */
export interface CredentialCount {
  tenantId: string;
  achievementId?: string;
  status?: CredentialSummary['status'];
  trigger?: TriggerKind;
}

export interface CredentialPage {
  items: CredentialSummary[];
  next?: string;
}

/**
 * The credentials read model. `claim` doubles as the idempotency ledger: a credential id can be claimed once,
 * so a re-uploaded row (same deterministic id) is skipped before anything is signed or appended.
 */
export interface CredentialReadModel {
  /** Inserts the summaries; returns the ids that were new (the others existed already). */
  claim(summaries: readonly CredentialSummary[]): Promise<Set<string>>;
  /** Undoes claims whose events could not be appended. */
  release(credentialIds: readonly string[]): Promise<void>;
  setStatus(credentialId: string, status: CredentialSummary['status']): Promise<void>;
  get(credentialId: string): Promise<CredentialSummary | undefined>;
  search(query: CredentialSearch): Promise<CredentialPage>;
  count(query: CredentialCount): Promise<number>;
}

export const CREDENTIAL_READ_MODEL = Symbol('CREDENTIAL_READ_MODEL');
