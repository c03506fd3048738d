import type { DomainCommand } from '@credstream/event-sourcing';

export type WalletCredentialCommand =
  | DomainCommand<
      'deliver',
      {
        credentialId: string;
        tenantId: string;
        recipientKey: string;
        claimTokenHash: string;
        claimTokenExpiresAt: string;
      }
    >
  | DomainCommand<'renew-claim-token', { claimTokenHash: string; claimTokenExpiresAt: string }>
  | DomainCommand<'record-claim-mail-sent', { sentAt: string }>
  | DomainCommand<
      'claim',
      {
        claimTokenHash: string;
        /** The account claiming: its id, and the recipientKey of its email when someone is signed in. */
        recipientId: string;
        signedInRecipientKey: string | null;
        now: string;
      }
    >
  | DomainCommand<
      'import',
      { credentialId: string; tenantId: string; recipientId: string; recipientKey: string; now: string }
    >
  | DomainCommand<'mark-revoked', { revokedAt: string; reason: string | null }>
  | DomainCommand<'mark-suspended', { suspendedAt: string; reason: string | null }>
  | DomainCommand<'mark-reinstated', { reinstatedAt: string }>
  | DomainCommand<'erase', { recipientId: string; now: string }>;
