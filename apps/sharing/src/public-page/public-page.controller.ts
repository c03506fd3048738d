import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  BADGE_BAKER,
  PublicCredentialQuery,
  SharingUrls,
  type BadgeBaker,
  type PublicPage,
  type Viewer,
} from '@credstream/sharing/application';
import { badgeImageUrlOf } from '@credstream/sharing/domain';
import { SHARING_CONFIG } from '../app/sharing.tokens';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { UUID_PATTERN } from '../http/parse-body';
import { CREDENTIAL_STATUS_SCRIPT } from './credential-status.script';
import { credentialPage } from './html/credential-page.html';
import { embedWidget } from './html/embed-widget.html';
import { statusPage } from './html/status-page.html';

const STATUS_SCRIPT_PATH = '/assets/credential-status.js';
type VisiblePage = Extract<PublicPage, { kind: 'credential' }>;

/** Public credential pages, share links, the embeddable widget and badge images. Server-rendered HTML. */
@ApiExcludeController()
@Controller()
export class PublicPageController {
  private readonly verifyUrl: string;
  private readonly pageSecurityPolicy: string;
  private readonly rendered = new WeakMap<object, Map<string, RenderedPage>>();

  constructor(
    @Inject(PublicCredentialQuery) private readonly pages: PublicCredentialQuery,
    @Inject(SharingUrls) private readonly urls: SharingUrls,
    @Inject(BADGE_BAKER) private readonly baker: BadgeBaker,
    @Inject(SHARING_CONFIG) private readonly config: SharingFeatureConfig,
  ) {
    this.verifyUrl = `${config.VERIFICATION_PUBLIC_URL.replace(/\/+$/, '')}/verify`;
    this.pageSecurityPolicy =
      `default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; script-src 'self'; ` +
      `connect-src ${new URL(config.VERIFICATION_PUBLIC_URL).origin}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  }

  @Get('c/:credentialId')
  async credential(@Param('credentialId') credentialId: string, @Req() request: Request, @Res() response: Response) {
    const page = UUID_PATTERN.test(credentialId) ? await this.pages.byCredential(credentialId.toLowerCase()) : notFound;
    this.sendPage(page, request, response);
  }

  @Get('s/:shareId')
  async share(@Param('shareId') shareId: string, @Req() request: Request, @Res() response: Response) {
    const page = UUID_PATTERN.test(shareId) ? await this.pages.byShare(shareId.toLowerCase()) : notFound;
    this.sendPage(page, request, response);
  }

  @Get('s/:shareId/embed')
  async embed(@Param('shareId') shareId: string, @Req() request: Request, @Res() response: Response) {
    const page = UUID_PATTERN.test(shareId) ? await this.pages.byShare(shareId.toLowerCase()) : notFound;
    if (page.kind !== 'credential') return this.sendStatus(page, response);
    this.pages.recordView(page, this.viewerOf(request));
    const display = page.credential.display;
    response
      .status(200)
      .type('html')
      .setHeader('Cache-Control', 'no-cache')
      .setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; frame-ancestors *",
      )
      .send(
        embedWidget(
          display,
          this.imageUrl(page),
          page.share ? this.urls.sharePage(page.share.shareId) : this.urls.credentialPage(page.credential.credentialId),
          page.revoked ? 'Revoked' : page.suspended ? 'Suspended' : null,
        ),
      );
  }

  @Get('c/:credentialId/badge.:extension')
  async badge(
    @Param('credentialId') credentialId: string,
    @Param('extension') extension: string,
    @Res() response: Response,
  ): Promise<void> {
    const page = UUID_PATTERN.test(credentialId) ? await this.pages.byCredential(credentialId.toLowerCase()) : notFound;
    if (page.kind !== 'credential' || (extension !== 'svg' && extension !== 'png')) {
      response.status(404).type('text').send('not found');
      return;
    }
    response
      .status(200)
      .setHeader('Content-Type', extension === 'svg' ? 'image/svg+xml' : 'image/png')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(this.baker.defaultImage(extension, page.credential.display.achievement.name));
  }

  @Get('assets/credential-status.js')
  statusScript(@Res() response: Response): void {
    response
      .status(200)
      .setHeader('Content-Type', 'text/javascript; charset=utf-8')
      .setHeader('Cache-Control', 'public, max-age=300')
      .send(CREDENTIAL_STATUS_SCRIPT);
  }

  private sendPage(page: PublicPage, request: Request, response: Response): void {
    if (page.kind !== 'credential') return this.sendStatus(page, response);
    this.pages.recordView(page, this.viewerOf(request));
    const rendered = this.renderedPage(page);
    response
      .status(200)
      .type('html')
      // Every view must reach us to be counted; browsers may still revalidate cheaply.
      .setHeader('Cache-Control', 'no-cache')
      .setHeader('Content-Security-Policy', this.pageSecurityPolicy)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
      .setHeader('ETag', rendered.etag)
      .send(rendered.body);
  }

  /**
   * The page's HTML, rendered once per credential read: the query's cache hands out the same credential object
   * while it is fresh, so a hot page is rendered once per cache period, not per view.
   */
  private renderedPage(page: VisiblePage): RenderedPage {
    let rendered = this.rendered.get(page.credential);
    if (!rendered) {
      rendered = new Map();
      this.rendered.set(page.credential, rendered);
    }
    const key = `${page.share?.shareId ?? ''}|${page.expired}|${page.suspended}`;
    let html = rendered.get(key);
    if (html === undefined) {
      const body = Buffer.from(this.render(page), 'utf8');
      // Set here, express does not hash the body again for every response (and still answers 304s).
      html = { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
      if (rendered.size < 1000) rendered.set(key, html);
    }
    return html;
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

  private sendStatus(page: PublicPage, response: Response): void {
    const status = page.kind === 'gone' ? 410 : 404;
    response.status(status).type('html').setHeader('Cache-Control', 'no-cache').send(statusPage(status));
  }

  private imageUrl(page: VisiblePage): string {
    const own = badgeImageUrlOf(page.credential.display);
    // Our own badge by path: the page works on whatever host serves it.
    return (
      httpUrlOrNull(own) ?? (own?.startsWith('data:image/') ? own : `/c/${page.credential.credentialId}/badge.svg`)
    );
  }

  private viewerOf(request: Request): Viewer {
    return {
      clientAddress: request.socket.remoteAddress ?? '',
      userAgent: request.headers['user-agent'],
      referer: request.headers.referer,
      trustedCountry: headerText(request.headers[this.config.TRUSTED_COUNTRY_HEADER]),
      acceptLanguage: request.headers['accept-language'],
      ownHost: request.headers.host,
    };
  }
}

const notFound: PublicPage = { kind: 'not-found' };

interface RenderedPage {
  body: Buffer;
  etag: string;
}
const httpUrlOrNull = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
