import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { friendlyResponse, type FriendlyVerificationResponse } from './friendly-response';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { uploadedCredentialInput, type UploadedImage } from './uploaded-credential';
import { VerificationRunner } from './verification-runner';
import {
  FRIENDLY_VERIFICATION_RESULT,
  FRIENDLY_VERIFY_REQUEST,
  UPLOAD_VERIFY_REQUEST,
} from './verify-credential.openapi';
import { parseFriendlyRequest, parseUploadFields } from './verify-request';

/**
 * Verification for people and simple integrations: a credential as JSON (a JWT or an enveloped credential), or a
 * baked badge image (PNG or SVG) uploaded as multipart/form-data; optionally who it should belong to and who asks.
 */
@ApiTags('verification')
@Controller()
@UseGuards(RateLimitGuard)
export class VerifyController {
  constructor(private readonly runner: VerificationRunner) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Verify a credential or a baked badge',
    description:
      'Verifies a compact VC-JWT (VCDM 2.0, or 1.1 with a `vc` claim) or an EnvelopedVerifiableCredential sent as ' +
      'JSON, or a baked badge image (PNG `openbadgecredential` iTXt chunk, SVG `<openbadges:credential>`) uploaded ' +
      'as multipart/form-data in `file`. With `recipient`, also checks that the credential was issued to that email ' +
      'or DID. An invalid credential is still a 200: `verified` is false and every check says why.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: { oneOf: [FRIENDLY_VERIFY_REQUEST, UPLOAD_VERIFY_REQUEST] } })
  @ApiOkResponse({
    description: 'The outcome, every check, and the decoded credential when readable.',
    schema: FRIENDLY_VERIFICATION_RESULT,
  })
  @ApiBadRequestResponse({ description: 'The request is not of this shape (VERIFY_REQUEST_INVALID).' })
  @ApiPayloadTooLargeResponse({ description: 'A token over 256 KB, an image over the upload limit, a body too big.' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The uploaded file is neither PNG, SVG nor text (IMAGE_TYPE_UNSUPPORTED).',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this client (RATE_LIMITED, Retry-After).' })
  async verify(
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @UploadedFile() file: UploadedImage | undefined,
  ): Promise<FriendlyVerificationResponse> {
    if (file || isMultipart(headers)) {
      const fields = parseUploadFields(body);
      const input = uploadedCredentialInput(file, fields.credential);
      return friendlyResponse(await this.runner.verify(input, { recipient: fields.recipient }, headers, 'upload'));
    }
    const request = parseFriendlyRequest(body);
    return friendlyResponse(await this.runner.verifyValue(request.credential, request, headers));
  }
}

function isMultipart(headers: IncomingHttpHeaders): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}
