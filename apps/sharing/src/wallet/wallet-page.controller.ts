import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { escapeHtml, WalletHandlers } from '@credstream/sharing/application';
import { PAGE_STYLES } from '../public-page/html/page-styles';
import { CurrentRecipient } from '../sign-in/current-recipient';

/** A plain server-rendered view of the wallet (the JSON API under /api/wallet does the work). */
@ApiExcludeController()
@Controller('wallet')
export class WalletPageController {
  constructor(
    @Inject(WalletHandlers) private readonly wallet: WalletHandlers,
    @Inject(CurrentRecipient) private readonly current: CurrentRecipient,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const recipient = await this.current.optional(request);
    const body = recipient
      ? await this.list(recipient.recipientId ? await this.wallet.list(recipient) : [])
      : `<h1>Your credential wallet</h1><p>Enter the email address your credentials were sent to; we mail you a sign-in link.</p>
<form method="post" action="/api/auth/magic-links"><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="email" required> <button type="submit">Send sign-in link</button></form>`;
    response
      .status(200)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Wallet — credstream</title><style>${PAGE_STYLES}</style></head><body><main><div class="card">${body}</div></main></body></html>`,
      );
  }

  private async list(items: Awaited<ReturnType<WalletHandlers['list']>>): Promise<string> {
    const rows = items.map(
      (item) =>
        `<li><a href="${escapeHtml(item.publicUrl)}">${escapeHtml(item.name)}</a> — ${escapeHtml(item.issuer)} <span class="muted">(${escapeHtml(item.decision)}, ${escapeHtml(item.visibility)}${item.revoked ? ', revoked' : ''})</span></li>`,
    );
    return `<h1>Your credentials</h1>${rows.length ? `<ul>${rows.join('')}</ul>` : '<p>No credentials yet.</p>'}`;
  }
}
