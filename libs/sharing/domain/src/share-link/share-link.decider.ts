import { DomainError, type Decider, type DomainCommand } from '@credstream/event-sourcing';
import type { ShareChannel } from './share-channel';
import type { ShareLinkEvent } from './share-link.events';

export const shareStreamId = (shareId: string) => `share-${shareId}`;
/**
 * Page views are facts nobody decides on: they are appended in batches to streams of their own (in the views
 * store, ADR 0010), one per batch and page, the Kafka key being the share id or, without a share link, the credential id.
 */
export const pageViewsStreamId = (batchId: string) => `page-views-${batchId}`;

export type ShareLinkCommand =
  | DomainCommand<
      'create',
      {
        shareId: string;
        credentialId: string;
        recipientId: string;
        channel: ShareChannel;
        expiresAt: string | null;
        now: string;
      }
    >
  | DomainCommand<'revoke', { recipientId: string }>;

export interface ShareLinkState {
  status: 'none' | 'active' | 'revoked';
  shareId: string | null;
  credentialId: string | null;
  recipientId: string | null;
  channel: ShareChannel | null;
  expiresAt: string | null;
}

export const ShareLinkErrors = {
  notFound: () => new DomainError('SHARE_NOT_FOUND', 'no such share link'),
  alreadyExists: (shareId: string) => new DomainError('SHARE_EXISTS', `share link ${shareId} already exists`),
  expiryNotInFuture: (expiresAt: string) =>
    new DomainError('SHARE_EXPIRY_IN_PAST', `expiresAt ${expiresAt} is not in the future`, {
      field: 'expiresAt',
    }),
};

/** Whether a share link resolves at `now`: created, not revoked, not past its own expiry. */
export const shareResolves = (share: Pick<ShareLinkState, 'status' | 'expiresAt'>, now: string): boolean =>
  share.status === 'active' && (share.expiresAt === null || now < share.expiresAt);

export const shareLinkDecider: Decider<ShareLinkCommand, ShareLinkEvent, ShareLinkState> = {
  initialState: () => ({
    status: 'none',
    shareId: null,
    credentialId: null,
    recipientId: null,
    channel: null,
    expiresAt: null,
  }),
  decide(command, state) {
    switch (command.type) {
      case 'create': {
        const { now, ...link } = command.data;
        if (state.status !== 'none') throw ShareLinkErrors.alreadyExists(link.shareId);
        if (link.expiresAt !== null && link.expiresAt <= now) throw ShareLinkErrors.expiryNotInFuture(link.expiresAt);
        return [{ type: 'share.created.v1', data: link }];
      }
      case 'revoke':
        // Someone else's link is reported exactly like a missing one: nothing leaks.
        if (state.status === 'none' || state.recipientId !== command.data.recipientId) throw ShareLinkErrors.notFound();
        if (state.status === 'revoked') return [];
        return [{ type: 'share.revoked.v1', data: { shareId: state.shareId ?? '' } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'share.created.v1':
        return { status: 'active', ...event.data };
      case 'share.revoked.v1':
        return { ...state, status: 'revoked' };
      case 'share.viewed.v1':
        return state;
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};
