import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import { DomainError } from '@credstream/event-sourcing';
import {
  channelShareUrl,
  embedSnippet,
  linkedInAddToProfileUrl,
  shareLinkDecider,
  shareStreamId,
  type ShareChannel,
} from '@credstream/sharing/domain';
import type { SignedInRecipient } from '../ports/auth-store.port';
import type { Clock } from '../ports/clock.port';
import type { ReadableCredential } from '../ports/held-credentials.port';
import type { ShareLinks, ShareLinkView } from '../ports/share-links.port';
import { RECIPIENT_ACCOUNT_TENANT, sharingMetadata, type RequestContext } from '../support/sharing-metadata';
import type { SharingUrls } from '../support/sharing-urls';
import type { WalletHandlers } from '../wallet/wallet.handlers';

export interface ShareLinkResponse {
  shareId: string;
  credentialId: string;
  channel: ShareChannel;
  url: string;
  /** Where to send the user to post it: the channel's share dialog (LinkedIn feed, X, Facebook, mailto). */
  shareUrl: string;
  /** LinkedIn only: the Add-to-Profile (certification) URL. */
  addToProfileUrl: string | null;
  /** Embed only: the iframe snippet. */
  embedHtml: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export const ShareErrors = {
  notPublic: (credentialId: string) =>
    new DomainError(
      'CREDENTIAL_NOT_PUBLIC',
      `credential ${credentialId} must be accepted and public before it can be shared`,
      { credentialId },
    ),
};

/** Tracked share links of a wallet credential, one per creation, each on a channel. */
export class ShareLinkHandlers {
  constructor(
    private readonly store: EventStore,
    private readonly shares: ShareLinks,
    private readonly wallet: WalletHandlers,
    private readonly urls: SharingUrls,
    private readonly clock: Clock,
  ) {}

  async create(
    recipient: SignedInRecipient,
    credentialId: string,
    input: { channel: ShareChannel; expiresAt: string | null },
    context: RequestContext,
  ): Promise<ShareLinkResponse> {
    const held = await this.wallet.owned(recipient, credentialId);
    if (held.decision !== 'accepted' || held.visibility !== 'public') throw ShareErrors.notPublic(held.credentialId);
    const shareId = randomUUID();
    const now = this.clock.now().toISOString();
    await this.store.handle(
      shareStreamId(shareId),
      shareLinkDecider,
      {
        type: 'create',
        data: {
          shareId,
          credentialId: held.credentialId,
          recipientId: recipient.recipientId,
          channel: input.channel,
          expiresAt: input.expiresAt,
          now,
        },
      },
      sharingMetadata(context, held.tenantId, 'share', shareId),
    );
    const share: ShareLinkView = {
      shareId,
      tenantId: held.tenantId,
      credentialId: held.credentialId,
      recipientId: recipient.recipientId,
      channel: input.channel,
      expiresAt: input.expiresAt,
      revokedAt: null,
      createdAt: now,
    };
    await this.shares.save(share);
    return this.response(share, held);
  }

  async list(recipient: SignedInRecipient, credentialId: string): Promise<ShareLinkResponse[]> {
    const held = await this.wallet.owned(recipient, credentialId);
    const shares = await this.shares.listByCredential(held.credentialId);
    return shares
      .filter((share) => share.recipientId === recipient.recipientId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((share) => this.response(share, held));
  }

  async revoke(recipient: SignedInRecipient, shareId: string, context: RequestContext): Promise<void> {
    const share = await this.shares.get(shareId);
    const result = await this.store.handle(
      shareStreamId(shareId),
      shareLinkDecider,
      { type: 'revoke', data: { recipientId: recipient.recipientId } },
      sharingMetadata(context, share?.tenantId ?? RECIPIENT_ACCOUNT_TENANT, 'share', shareId),
      { retriesOnConflict: 3 },
    );
    if (result.events.length > 0) await this.shares.markRevoked(shareId, this.clock.now().toISOString());
  }

  private response(share: ShareLinkView, held: ReadableCredential): ShareLinkResponse {
    const url = this.urls.sharePage(share.shareId);
    const { display } = held;
    return {
      shareId: share.shareId,
      credentialId: share.credentialId,
      channel: share.channel,
      url,
      shareUrl: channelShareUrl(share.channel, url, display),
      addToProfileUrl: share.channel === 'linkedin' ? linkedInAddToProfileUrl(display, url) : null,
      embedHtml: share.channel === 'embed' ? embedSnippet(this.urls.embedPage(share.shareId), display.name) : null,
      expiresAt: share.expiresAt,
      revokedAt: share.revokedAt,
      createdAt: share.createdAt,
    };
  }
}
