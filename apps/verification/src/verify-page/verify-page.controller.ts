import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemException } from '@credstream/runtime';
import type { CredentialInput } from '@credstream/verification/domain';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { uploadedCredentialInput, type UploadedImage } from '../verify-credential/uploaded-credential';
import { VerificationRunner } from '../verify-credential/verification-runner';
import { parseUploadFields } from '../verify-credential/verify-request';
import { BADGE_SVG, VERIFY_PAGE_CSS } from './verify-page.assets';
import { renderVerifyForm, renderVerifyResult } from './verify-page.view';

/** Scripts are never needed; images only from us or the upload itself (a data: URL). */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The public verification page: server-rendered HTML, a plain form, no script. */
@ApiExcludeController()
@Controller('verify')
export class VerifyPageController {
  constructor(private readonly runner: VerificationRunner) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', CONTENT_SECURITY_POLICY)
  form(): string {
    return renderVerifyForm();
  }

  @Post('page')
  @HttpCode(HttpStatus.OK)
  @UseGuards(RateLimitGuard)
  @UseInterceptors(FileInterceptor('file'))
  @Header('content-security-policy', CONTENT_SECURITY_POLICY)
  async verify(
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @UploadedFile() file: UploadedImage | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    response.type('html');
    const emptyFile = file && file.size === 0 ? undefined : file;
    let input: CredentialInput;
    let fields: ReturnType<typeof parseUploadFields>;
    try {
      fields = parseUploadFields(withoutBlanks(body));
      input = uploadedCredentialInput(emptyFile, fields.credential);
    } catch (error) {
      response.status(error instanceof HttpException ? error.getStatus() : HttpStatus.BAD_REQUEST);
      return renderVerifyForm(messageOf(error));
    }
    const outcome = await this.runner.verify(input, { recipient: fields.recipient }, headers, 'page');
    return renderVerifyResult(outcome, imageDataUrl(input));
  }

  @Get('assets/verify.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  stylesheet(): string {
    return VERIFY_PAGE_CSS;
  }

  @Get('assets/badge.svg')
  @Header('content-type', 'image/svg+xml')
  @Header('cache-control', 'public, max-age=3600')
  badge(): string {
    return BADGE_SVG;
  }
}

/** A browser sends every field of the form, empty ones included. */
function withoutBlanks(body: unknown): Record<string, unknown> {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}

function messageOf(error: unknown): string {
  if (error instanceof ProblemException) {
    if (error.code === 'VERIFY_REQUEST_INVALID' && error.errors.some((e) => e.field === 'file')) {
      return 'Paste a credential token or choose a badge image.';
    }
    return error.detail;
  }
  return 'The form could not be read.';
}

/** The uploaded badge, shown back as it was sent (never fetched from elsewhere). */
function imageDataUrl(input: CredentialInput): string | undefined {
  if (input.kind !== 'baked-image' || input.bytes.length > 1024 * 1024) return undefined;
  return `data:${input.mediaType};base64,${Buffer.from(input.bytes).toString('base64')}`;
}
