import type { DomainEvent } from '@credstream/event-sourcing';

export type Visibility = 'public' | 'private';
export type DownloadFormat = 'jwt' | 'json' | 'png' | 'svg';

type WalletEntry = { credentialId: string; recipientId: string };

/**
 * Events of a recipient account and its wallet (stream `recipient-<recipientId>`). The `.v1` ones are
 * integration events (libs/contracts); `recipient.registered` and `wallet.credential-imported` stay internal.
 */
export type RecipientEvent =
  | DomainEvent<'recipient.registered', { recipientId: string; recipientKey: string; registeredAt: string }>
  | DomainEvent<'credential.claimed.v1', WalletEntry & { claimedAt: string }>
  | DomainEvent<'wallet.credential-imported', WalletEntry & { importedAt: string }>
  | DomainEvent<'credential.accepted.v1', WalletEntry>
  | DomainEvent<'credential.declined.v1', WalletEntry>
  | DomainEvent<'credential.visibility-changed.v1', WalletEntry & { visibility: Visibility }>
  | DomainEvent<'credential.downloaded.v1', WalletEntry & { format: DownloadFormat }>
  | DomainEvent<'recipient.erased.v1', { recipientId: string; recipientKeys: string[] }>;
