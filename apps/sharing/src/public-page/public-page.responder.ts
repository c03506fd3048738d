import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { PublicCredentialQuery, SharingUrls, type PublicPage, type Viewer } from '@credstream/sharing/application';
import { badgeImageUrlOf } from '@credstream/sharing/domain';
import { SHARING_CONFIG } from '../app/sharing.tokens';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { UUID_PATTERN } from '../http/parse-body';
import { credentialPage } from './html/credential-page.html';
import { statusPage } from './html/status-page.html';

export const STATUS_SCRIPT_PATH = '/assets/credential-status.js';
export type VisiblePage = Extract<PublicPage, { kind: 'credential' }>;

/** A public page as it goes out: status, headers and body (an ETag for a credential page). Shared: never change one. */
export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const NOT_FOUND: PublicPage = { kind: 'not-found' };

/**
 * The public credential page (`/c/:credentialId`) and share page (`/s/:shareId`): reads the credential, counts the
 * view (buffered, never on the page's time) and renders the HTML once per credential read. Private, unknown and
 * malformed ids get the same 404, so nothing tells whether a credential exists.
 */
@Injectable()
export class PublicPageResponder {
  private readonly verifyUrl: string;
  private readonly pageSecurityPolicy: string;
  /** Per credential read, the response of each of its pages (share, expired, suspended), built once. */
  private readonly rendered = new WeakMap<object, Map<string, PageResponse>>();

  constructor(
    @Inject(PublicCredentialQuery) private readonly pages: PublicCredentialQuery,
    @Inject(SharingUrls) private readonly urls: SharingUrls,
    @Inject(SHARING_CONFIG) private readonly config: SharingFeatureConfig,
  ) {
    this.verifyUrl = `${config.VERIFICATION_PUBLIC_URL.replace(/\/+$/, '')}/verify`;
    this.pageSecurityPolicy =
      `default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; script-src 'self'; ` +
      `connect-src ${new URL(config.VERIFICATION_PUBLIC_URL).origin}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  }

  /** The page of a credential, or of a share link; its view is recorded. Synchronous when the page is cached. */
  respond(kind: 'credential' | 'share', id: string, request: IncomingMessage): PageResponse | Promise<PageResponse> {
    const cached = this.findCached(kind, id);
    if (cached) return this.responseFor(cached, request);
    return this.find(kind, id).then((page) => this.responseFor(page, request));
  }

  private responseFor(page: PublicPage, request: IncomingMessage): PageResponse {
    if (page.kind !== 'credential') return statusResponse(page);
    this.pages.recordView(page, this.viewerOf(request));
    return this.renderedPage(page);
  }

  private findCached(kind: 'credential' | 'share', id: string): PublicPage | undefined {
    if (!UUID_PATTERN.test(id)) return NOT_FOUND;
    const key = id.toLowerCase();
    return kind === 'credential' ? this.pages.cachedByCredential(key) : this.pages.cachedByShare(key);
  }

  /** The credential or share behind an id from a URL; a malformed id is simply not found. */
  find(kind: 'credential' | 'share', id: string): Promise<PublicPage> {
    if (!UUID_PATTERN.test(id)) return Promise.resolve(NOT_FOUND);
    return kind === 'credential' ? this.pages.byCredential(id.toLowerCase()) : this.pages.byShare(id.toLowerCase());
  }

  imageUrl(page: VisiblePage): string {
    const own = badgeImageUrlOf(page.credential.display);
    // Our own badge by path: the page works on whatever host serves it.
    return (
      httpUrlOrNull(own) ?? (own?.startsWith('data:image/') ? own : `/c/${page.credential.credentialId}/badge.svg`)
    );
  }

  viewerOf(request: IncomingMessage): Viewer {
    return {
      clientAddress: request.socket.remoteAddress ?? '',
      userAgent: request.headers['user-agent'],
      referer: request.headers.referer,
      trustedCountry: headerText(request.headers[this.config.TRUSTED_COUNTRY_HEADER]),
      acceptLanguage: request.headers['accept-language'],
      ownHost: request.headers.host,
    };
  }

  /**
   * The page's HTML, rendered once per credential read: the query's cache hands out the same credential object
   * while it is fresh, so a hot page is rendered once per cache period, not per view.
   */
  private renderedPage(page: VisiblePage): PageResponse {
    let rendered = this.rendered.get(page.credential);
    if (!rendered) {
      rendered = new Map();
      this.rendered.set(page.credential, rendered);
    }
    const key = `${page.share?.shareId ?? ''}|${page.expired}|${page.suspended}`;
    let response = rendered.get(key);
    if (response === undefined) {
      const body = Buffer.from(this.render(page), 'utf8');
      response = {
        status: 200,
        headers: this.pageHeaders(`W/"${createHash('sha1').update(body).digest('base64url')}"`),
        body,
      };
      if (rendered.size < 1000) rendered.set(key, response);
    }
    return response;
  }

  private pageHeaders(etag: string): Record<string, string> {
    return {
      'content-type': 'text/html; charset=utf-8',
      // Every view must reach us to be counted; browsers may still revalidate cheaply.
      'cache-control': 'no-cache',
      'content-security-policy': this.pageSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      etag,
    };
  }

  private render(page: VisiblePage): string {
    const credentialId = page.credential.credentialId;
    return credentialPage({
      credential: page.credential,
      display: page.credential.display,
      revoked: page.revoked,
      suspended: page.suspended,
      expired: page.expired,
      pageUrl: page.share ? this.urls.sharePage(page.share.shareId) : this.urls.credentialPage(credentialId),
      canonicalUrl: this.urls.credentialPage(credentialId),
      imageUrl: this.imageUrl(page),
      previewImageUrl:
        httpUrlOrNull(badgeImageUrlOf(page.credential.display)) ??
        `${this.urls.credentialPage(credentialId)}/badge.png`,
      verifyUrl: this.verifyUrl,
      statusScriptUrl: STATUS_SCRIPT_PATH,
    });
  }
}

/** 404 for what is private or unknown, 410 for what its recipient erased. */
export function statusResponse(page: PublicPage): PageResponse {
  const status = page.kind === 'gone' ? 410 : 404;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    body: statusPage(status),
  };
}

const httpUrlOrNull = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
