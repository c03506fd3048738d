import type { DomainEvent } from '@credstream/event-sourcing';
import type { ShareChannel } from './share-channel';

export type ReferrerClass = 'none' | 'social' | 'search' | 'email' | 'other';

export interface PageView {
  shareId: string | null;
  credentialId: string;
  channel: ShareChannel;
  viewerHash: string;
  country: string | null;
  referrerHost: string | null;
  referrerClass: ReferrerClass;
}

/** Events of a share link (stream `share-<shareId>`); views of it are appended to the same stream. */
export type ShareLinkEvent =
  | DomainEvent<
      'share.created.v1',
      { shareId: string; credentialId: string; recipientId: string; channel: ShareChannel; expiresAt: string | null }
    >
  | DomainEvent<'share.revoked.v1', { shareId: string }>
  | DomainEvent<'share.viewed.v1', PageView>;
