import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { ProblemException } from '@credstream/runtime';
import { SHARE_CHANNELS } from '@credstream/contracts';
import { ShareLinkHandlers } from '@credstream/sharing/application';
import { parseRequest, UUID_PATTERN } from '../http/parse-body';
import { requestContextOf } from '../http/request-context';
import { CurrentRecipient } from '../sign-in/current-recipient';

const createSchema = z.object({
  channel: z.enum(SHARE_CHANNELS, { errorMap: () => ({ message: `must be one of ${SHARE_CHANNELS.join(', ')}` }) }),
  expiresAt: z
    .string({ invalid_type_error: 'must be an ISO-8601 timestamp' })
    .datetime({ offset: true, message: 'must be an ISO-8601 timestamp' })
    .transform((value) => new Date(value).toISOString())
    .nullable()
    .default(null),
});

/** Tracked share links of my credentials (scoped to the signed-in recipient). */
@ApiTags('share links')
@Controller('api/wallet')
export class ShareLinksController {
  constructor(
    @Inject(ShareLinkHandlers) private readonly shares: ShareLinkHandlers,
    @Inject(CurrentRecipient) private readonly current: CurrentRecipient,
  ) {}

  @Post('credentials/:credentialId/shares')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a tracked share link on a channel (linkedin, x, facebook, email, embed, direct).' })
  async create(@Param('credentialId') credentialId: string, @Body() body: unknown, @Req() request: Request) {
    const recipient = await this.current.require(request);
    const input = parseRequest(createSchema, body, 'SHARE_REQUEST_INVALID');
    return this.shares.create(recipient, uuidOf(credentialId, 'credentialId'), input, requestContextOf(request));
  }

  @Get('credentials/:credentialId/shares')
  async list(@Param('credentialId') credentialId: string, @Req() request: Request) {
    const recipient = await this.current.require(request);
    return { shares: await this.shares.list(recipient, uuidOf(credentialId, 'credentialId')) };
  }

  @Delete('shares/:shareId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a share link: it stops resolving.' })
  async revoke(@Param('shareId') shareId: string, @Req() request: Request): Promise<void> {
    const recipient = await this.current.require(request);
    await this.shares.revoke(recipient, uuidOf(shareId, 'shareId'), requestContextOf(request));
  }
}

function uuidOf(value: string, field: string): string {
  if (!UUID_PATTERN.test(value)) {
    throw new ProblemException(
      HttpStatus.NOT_FOUND,
      field === 'shareId' ? 'SHARE_NOT_FOUND' : 'CREDENTIAL_NOT_IN_WALLET',
      `no such ${field}`,
      [{ field, message: 'is not a known id' }],
    );
  }
  return value.toLowerCase();
}
