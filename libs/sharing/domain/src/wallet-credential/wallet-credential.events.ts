import type { DomainEvent } from '@credstream/event-sourcing';

/** Where a credential in the sharing service came from. */
export type CredentialOrigin = 'issued' | 'imported';

/**
 * Events of one credential as the sharing service holds it (stream `wallet-credential-<credentialId>`).
 * Internal to the service: personal data (the JWT, names) lives in erasable documents, never in these events.
 */
export type WalletCredentialEvent =
  | DomainEvent<
      'wallet-credential.delivered',
      {
        credentialId: string;
        tenantId: string;
        recipientKey: string;
        claimTokenHash: string;
        claimTokenExpiresAt: string;
      }
    >
  | DomainEvent<'wallet-credential.claim-token-renewed', { claimTokenHash: string; claimTokenExpiresAt: string }>
  | DomainEvent<'wallet-credential.claim-mail-sent', { sentAt: string }>
  | DomainEvent<'wallet-credential.claimed', { recipientId: string; claimedAt: string }>
  | DomainEvent<
      'wallet-credential.imported',
      { credentialId: string; tenantId: string; recipientId: string; recipientKey: string; importedAt: string }
    >
  | DomainEvent<'wallet-credential.revoked', { revokedAt: string; reason: string | null }>
  | DomainEvent<'wallet-credential.suspended', { suspendedAt: string; reason: string | null }>
  | DomainEvent<'wallet-credential.reinstated', { reinstatedAt: string }>
  | DomainEvent<'wallet-credential.erased', { erasedAt: string }>;
