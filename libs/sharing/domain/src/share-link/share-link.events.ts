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

/**
 * Events of a share link (stream `share-<shareId>`). Views were appended to the same stream before they got a store of
 * their own (ADR 0010); such streams still fold.
 */
export type ShareLinkEvent =
  | DomainEvent<
      'share.created.v1',
      { shareId: string; credentialId: string; recipientId: string; channel: ShareChannel; expiresAt: string | null }
    >
  | DomainEvent<'share.revoked.v1', { shareId: string }>
  | DomainEvent<'share.viewed.v1', PageView>;

/** A page view, as the views store records it (`pageViewsStreamId`). */
export type PageViewEvent = DomainEvent<'share.viewed.v1', PageView>;
