import {
  Body,
  Controller,
  UseGuards,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { SignInHandlers } from '@credstream/sharing/application';
import { SHARING_CONFIG } from '../app/sharing.tokens';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { LinkRateLimitGuard } from '../http/link-rate-limit.guard';
import { parseRequest } from '../http/parse-body';
import { confirmPage } from '../public-page/html/confirm-page.html';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie';

const magicLinkSchema = z.object({
  email: z.string({ required_error: 'is required' }).trim().email('must be an email address').max(320),
});
const sessionSchema = z.object({
  token: z
    .string({ required_error: 'is required' })
    .min(16, 'is not a sign-in token')
    .max(256, 'is not a sign-in token'),
});

/** Passwordless sign-in: a magic link by mail, traded for a session cookie. */
@ApiTags('sign-in')
@Controller()
@UseGuards(LinkRateLimitGuard)
export class SignInController {
  constructor(
    @Inject(SignInHandlers) private readonly signIn: SignInHandlers,
    @Inject(SHARING_CONFIG) private readonly config: SharingFeatureConfig,
  ) {}

  @Post('api/auth/magic-links')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a sign-in link to an address that has a wallet (the answer is the same either way).' })
  async requestLink(@Body() body: unknown): Promise<{ status: string }> {
    const { email } = parseRequest(magicLinkSchema, body, 'SIGN_IN_REQUEST_INVALID');
    await this.signIn.requestMagicLink(email);
    return { status: 'if the address has a wallet, a sign-in link is on its way' };
  }

  @Get('sign-in')
  page(@Query('token') token: string, @Res() response: Response): void {
    response
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Referrer-Policy', 'no-referrer')
      .send(
        confirmPage({
          title: 'Sign in to your wallet',
          text: 'Continue to your credential wallet. The link works once.',
          action: '/api/auth/sessions',
          button: 'Sign in',
          fields: { token: String(token ?? ''), redirect: '1' },
        }),
      );
  }

  @Post('api/auth/sessions')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Trade a magic-link token for a session (cookie cs_session).' })
  async startSession(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const { token } = parseRequest(sessionSchema, body, 'SIGN_IN_REQUEST_INVALID');
    const { sessionToken, recipient } = await this.signIn.signIn(token);
    setSessionCookie(response, sessionToken, this.config.SESSION_TTL_HOURS, this.config.SESSION_COOKIE_SECURE);
    if ((body as { redirect?: unknown }).redirect === '1') {
      response.redirect(303, '/wallet');
      return undefined;
    }
    return { recipientId: recipient.recipientId };
  }

  @Delete('api/auth/session')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    if (token) await this.signIn.signOut(token);
    clearSessionCookie(response);
  }
}
