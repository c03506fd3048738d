import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BADGE_BAKER, PublicCredentialQuery, SharingUrls, type BadgeBaker } from '@credstream/sharing/application';
import { CREDENTIAL_STATUS_SCRIPT } from './credential-status.script';
import { embedWidget } from './html/embed-widget.html';
import { PublicPageResponder, statusResponse, type PageResponse } from './public-page.responder';

/**
 * Public credential pages, share links, the embeddable widget and badge images. Server-rendered HTML. A plain GET of
 * a credential or share page is served by the fast lane (`PublicPageFastRoute`); these routes serve the rest (HEAD).
 */
@ApiExcludeController()
@Controller()
export class PublicPageController {
  constructor(
    private readonly responder: PublicPageResponder,
    @Inject(PublicCredentialQuery) private readonly pages: PublicCredentialQuery,
    @Inject(SharingUrls) private readonly urls: SharingUrls,
    @Inject(BADGE_BAKER) private readonly baker: BadgeBaker,
  ) {}

  @Get('c/:credentialId')
  async credential(@Param('credentialId') credentialId: string, @Req() request: Request, @Res() response: Response) {
    send(response, await this.responder.respond('credential', credentialId, request));
  }

  @Get('s/:shareId')
  async share(@Param('shareId') shareId: string, @Req() request: Request, @Res() response: Response) {
    send(response, await this.responder.respond('share', shareId, request));
  }

  @Get('s/:shareId/embed')
  async embed(@Param('shareId') shareId: string, @Req() request: Request, @Res() response: Response) {
    const page = await this.responder.find('share', shareId);
    if (page.kind !== 'credential') return send(response, statusResponse(page));
    this.pages.recordView(page, this.responder.viewerOf(request));
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
          this.responder.imageUrl(page),
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
    const page = await this.responder.find('credential', credentialId);
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
}

/** express answers a conditional request whose ETag still matches with a 304. */
function send(response: Response, page: PageResponse): void {
  response.status(page.status).set(page.headers).send(page.body);
}
