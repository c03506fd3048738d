import type { StatusEntry } from './credential.commands';

export type CredentialLifecycleStatus = 'none' | 'issued' | 'suspended' | 'revoked';

export interface CredentialState {
  status: CredentialLifecycleStatus;
  credentialId?: string;
  tenantId?: string;
  issuerId?: string;
  /** Where to set the bit when the credential is revoked, suspended or reinstated. */
  revocation?: StatusEntry;
  suspension?: StatusEntry;
}
