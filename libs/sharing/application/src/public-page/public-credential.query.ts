import {
  countryOf,
  isExpired,
  isKnownBot,
  referrerOf,
  shareResolves,
  type ShareChannel,
} from '@credstream/sharing/domain';
import type { Clock } from '../ports/clock.port';
import {
  isReadable,
  type HeldCredential,
  type HeldCredentials,
  type ReadableCredential,
} from '../ports/held-credentials.port';
import type { PageViewSink } from '../ports/page-view-sink.port';
import type { ShareLinks, ShareLinkView } from '../ports/share-links.port';
import { TtlCache } from './ttl-cache';
import type { ViewerHasher } from './viewer-hash';

export type PublicPage =
  | { kind: 'not-found' }
  | { kind: 'gone' }
  | {
      kind: 'credential';
      credential: ReadableCredential;
      share: ShareLinkView | null;
      channel: ShareChannel;
      revoked: boolean;
      suspended: boolean;
      expired: boolean;
    };

/** What is known about a viewer: used for the view event and then dropped (no IP or user agent is stored). */
export interface Viewer {
  clientAddress: string;
  userAgent: string | undefined;
  referer: string | undefined;
  trustedCountry: string | undefined;
  acceptLanguage: string | undefined;
  ownHost: string | undefined;
}

const NOT_FOUND: PublicPage = { kind: 'not-found' };

/**
 * The public page of a credential, directly or through a share link. Private, declined, unclaimed and
 * unknown credentials are the same not-found, so nothing tells whether one exists; erased ones are gone.
 * Reads are cached briefly (a hot page is served from memory); every human view is recorded, off the request path.
 */
export class PublicCredentialQuery {
  private readonly credentialCache: TtlCache<HeldCredential | null>;
  private readonly shareCache: TtlCache<ShareLinkView | null>;

  constructor(
    private readonly credentials: HeldCredentials,
    private readonly shares: ShareLinks,
    private readonly views: PageViewSink,
    private readonly hasher: ViewerHasher,
    private readonly clock: Clock,
    cacheTtlMs: number,
  ) {
    this.credentialCache = new TtlCache(cacheTtlMs);
    this.shareCache = new TtlCache(cacheTtlMs);
  }

  async byCredential(credentialId: string): Promise<PublicPage> {
    const credential = await this.credentialCache.get(credentialId, () => this.credentials.get(credentialId));
    return this.pageOf(credential, null, this.nowIso());
  }

  async byShare(shareId: string): Promise<PublicPage> {
    const share = await this.shareCache.get(shareId, () => this.shares.get(shareId));
    if (!this.resolves(share, this.nowIso())) return NOT_FOUND;
    const credential = await this.credentialCache.get(share.credentialId, () =>
      this.credentials.get(share.credentialId),
    );
    return this.pageOf(credential, share, this.nowIso());
  }

  /**
   * The same answers as `byCredential` / `byShare` when everything they need is cached, synchronously (a hot page
   * then costs no promise); undefined sends the caller to them.
   */
  cachedByCredential(credentialId: string): PublicPage | undefined {
    const credential = this.credentialCache.peek(credentialId);
    return credential && this.pageOf(credential.value, null, this.nowIso());
  }

  cachedByShare(shareId: string): PublicPage | undefined {
    const share = this.shareCache.peek(shareId);
    if (!share) return undefined;
    const now = this.nowIso();
    if (!this.resolves(share.value, now)) return NOT_FOUND;
    const credential = this.credentialCache.peek(share.value.credentialId);
    return credential && this.pageOf(credential.value, share.value, now);
  }

  /** Records the view unless it comes from a known bot. Never waits, never throws. */
  recordView(page: PublicPage, viewer: Viewer): void {
    if (page.kind !== 'credential' || isKnownBot(viewer.userAgent)) return;
    const referrer = referrerOf(viewer.referer, viewer.ownHost);
    this.views.record(
      {
        shareId: page.share?.shareId ?? null,
        credentialId: page.credential.credentialId,
        channel: page.channel,
        viewerHash: this.hasher.hash(viewer.clientAddress, viewer.userAgent ?? '', this.clock.now()),
        country: countryOf(viewer.trustedCountry, viewer.acceptLanguage),
        referrerHost: referrer.host,
        referrerClass: referrer.referrerClass,
      },
      page.credential.tenantId,
    );
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  private resolves(share: ShareLinkView | null, now: string): share is ShareLinkView {
    if (!share || share.revokedAt !== null) return false;
    return shareResolves({ status: 'active', expiresAt: share.expiresAt }, now);
  }

  private pageOf(credential: HeldCredential | null, share: ShareLinkView | null, now: string): PublicPage {
    if (!credential) return NOT_FOUND;
    if (credential.erasedAt !== null) return { kind: 'gone' };
    if (!isReadable(credential) || credential.decision !== 'accepted' || credential.visibility !== 'public') {
      return NOT_FOUND;
    }
    return {
      kind: 'credential',
      credential,
      share,
      channel: share?.channel ?? 'direct',
      revoked: credential.revokedAt !== null,
      suspended: credential.revokedAt === null && credential.suspendedAt !== null,
      expired: isExpired(credential.display, now),
    };
  }
}
