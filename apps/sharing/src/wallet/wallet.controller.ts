import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { DOWNLOAD_FORMATS } from '@credstream/contracts';
import { EraseAccountHandler, WalletHandlers } from '@credstream/sharing/application';
import { parseRequest, UUID_PATTERN } from '../http/parse-body';
import { requestContextOf } from '../http/request-context';
import { CurrentRecipient } from '../sign-in/current-recipient';
import { clearSessionCookie } from '../sign-in/session-cookie';

const credentialIdSchema = z.string().regex(UUID_PATTERN, 'must be a credential id (UUID)');
const visibilitySchema = z.object({
  visibility: z.enum(['public', 'private'], { errorMap: () => ({ message: 'must be public or private' }) }),
});
const downloadSchema = z.object({
  format: z.enum(DOWNLOAD_FORMATS, { errorMap: () => ({ message: `must be one of ${DOWNLOAD_FORMATS.join(', ')}` }) }),
});

/** The signed-in recipient's wallet. Every route acts on that recipient's credentials only. */
@ApiTags('wallet')
@Controller('api/wallet')
export class WalletController {
  constructor(
    @Inject(WalletHandlers) private readonly wallet: WalletHandlers,
    @Inject(EraseAccountHandler) private readonly erase: EraseAccountHandler,
    @Inject(CurrentRecipient) private readonly current: CurrentRecipient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every credential in my wallet, from every institution.' })
  async list(@Req() request: Request) {
    return { credentials: await this.wallet.list(await this.current.require(request)) };
  }

  @Post('credentials/:credentialId/accept')
  @HttpCode(HttpStatus.OK)
  async accept(@Param('credentialId') credentialId: string, @Req() request: Request) {
    const recipient = await this.current.require(request);
    return this.wallet.accept(recipient, credentialIdOf(credentialId), requestContextOf(request));
  }

  @Post('credentials/:credentialId/decline')
  @HttpCode(HttpStatus.OK)
  async decline(@Param('credentialId') credentialId: string, @Req() request: Request) {
    const recipient = await this.current.require(request);
    return this.wallet.decline(recipient, credentialIdOf(credentialId), requestContextOf(request));
  }

  @Put('credentials/:credentialId/visibility')
  @ApiOperation({ summary: 'Make a credential public (its page resolves) or private (its page is a 404).' })
  async visibility(@Param('credentialId') credentialId: string, @Body() body: unknown, @Req() request: Request) {
    const recipient = await this.current.require(request);
    const { visibility } = parseRequest(visibilitySchema, body, 'VISIBILITY_REQUEST_INVALID');
    return this.wallet.changeVisibility(recipient, credentialIdOf(credentialId), visibility, requestContextOf(request));
  }

  @Get('credentials/:credentialId/download')
  @ApiOperation({ summary: 'Download as VC-JWT, credential JSON, baked PNG or baked SVG (?format=jwt|json|png|svg).' })
  async download(
    @Param('credentialId') credentialId: string,
    @Query() query: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const recipient = await this.current.require(request);
    const { format } = parseRequest(downloadSchema, query, 'DOWNLOAD_REQUEST_INVALID');
    const download = await this.wallet.download(
      recipient,
      credentialIdOf(credentialId),
      format,
      requestContextOf(request),
    );
    response
      .status(200)
      .setHeader('Content-Type', download.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`)
      .setHeader('Cache-Control', 'no-store')
      .send(download.body);
  }

  @Delete('account')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Erase my account: personal data is deleted, credentials stay verifiable.' })
  async eraseAccount(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.erase.execute(await this.current.require(request), requestContextOf(request));
    clearSessionCookie(response);
  }
}

function credentialIdOf(value: string): string {
  return parseRequest(z.object({ credentialId: credentialIdSchema }), { credentialId: value }, 'CREDENTIAL_ID_INVALID')
    .credentialId;
}
