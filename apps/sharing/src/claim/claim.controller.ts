import { Body, Controller, UseGuards, Get, HttpCode, HttpStatus, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ClaimCredentialHandler, SignInHandlers } from '@credstream/sharing/application';
import { SHARING_CONFIG } from '../app/sharing.tokens';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { LinkRateLimitGuard } from '../http/link-rate-limit.guard';
import { parseRequest, UUID_PATTERN } from '../http/parse-body';
import { requestContextOf } from '../http/request-context';
import { CurrentRecipient } from '../sign-in/current-recipient';
import { setSessionCookie } from '../sign-in/session-cookie';
import { confirmPage } from '../public-page/html/confirm-page.html';

const claimSchema = z.object({
  credentialId: z.string({ required_error: 'is required' }).regex(UUID_PATTERN, 'must be a credential id (UUID)'),
  token: z.string({ required_error: 'is required' }).min(16, 'is not a claim token').max(256, 'is not a claim token'),
});

/**
 * Claiming a credential from the emailed link. GET only shows a confirmation page (mail scanners open links;
 * they must not use the single-use token up); the POST claims, signs the recipient in and opens the wallet.
 */
@ApiTags('claim')
@Controller()
@UseGuards(LinkRateLimitGuard)
export class ClaimController {
  constructor(
    @Inject(ClaimCredentialHandler) private readonly claim: ClaimCredentialHandler,
    @Inject(SignInHandlers) private readonly signIn: SignInHandlers,
    @Inject(CurrentRecipient) private readonly current: CurrentRecipient,
    @Inject(SHARING_CONFIG) private readonly config: SharingFeatureConfig,
  ) {}

  @Get('claim')
  page(@Query('credential') credentialId: string, @Query('token') token: string, @Res() response: Response): void {
    response
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Referrer-Policy', 'no-referrer')
      .send(
        confirmPage({
          title: 'Claim your credential',
          text: 'Add this credential to your wallet. The link works once.',
          action: '/api/claims',
          button: 'Claim credential',
          fields: { credentialId: String(credentialId ?? ''), token: String(token ?? ''), redirect: '1' },
        }),
      );
  }

  @Post('api/claims')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Claim a credential with its emailed link; signs the recipient in (session cookie).' })
  async claimCredential(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = parseRequest(claimSchema, body, 'CLAIM_REQUEST_INVALID');
    const signedIn = await this.current.optional(request);
    const recipient = await this.claim.execute({ ...input, signedIn }, requestContextOf(request));
    if (!signedIn) {
      const token = await this.signIn.startSession(recipient);
      setSessionCookie(response, token, this.config.SESSION_TTL_HOURS, this.config.SESSION_COOKIE_SECURE);
    }
    if ((body as { redirect?: unknown }).redirect === '1') {
      response.redirect(303, '/wallet');
      return undefined;
    }
    return { credentialId: input.credentialId.toLowerCase(), recipientId: recipient.recipientId };
  }
}
