import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { VerificationResult } from '@credstream/verification/domain';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { VerificationRunner } from './verification-runner';
import { VCALM_VERIFY_REQUEST, VERIFICATION_RESULT } from './verify-credential.openapi';
import { parseVcalmRequest } from './verify-request';

/** W3C VCALM (VC API) verification: `{ verifiableCredential, options }` in, `{ verified, checks, ... }` out. */
@ApiTags('verification')
@Controller('credentials')
@UseGuards(RateLimitGuard)
export class CredentialsVerifyController {
  constructor(private readonly runner: VerificationRunner) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify a credential (W3C VCALM)',
    description:
      'Verifies an Open Badges 3.0 / VC-JWT credential, given as a compact JWT or an EnvelopedVerifiableCredential, ' +
      'without asking its issuer. An invalid credential is still a 200: `verified` is false and every check says why. ' +
      '`options` may carry `recipient` ({email} or {did}), `verifier` ({organization, sector (ISIC), country}) ' +
      'and `channel` (api, embed, wallet).',
  })
  @ApiBody({ schema: VCALM_VERIFY_REQUEST })
  @ApiOkResponse({ description: 'The outcome and every check, in the OB 3.0 order.', schema: VERIFICATION_RESULT })
  @ApiBadRequestResponse({ description: 'The request is not of this shape (VERIFY_REQUEST_INVALID).' })
  @ApiPayloadTooLargeResponse({ description: 'A token over 256 KB (TOKEN_TOO_LARGE) or a body over the limit.' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this client (RATE_LIMITED, Retry-After).' })
  async verify(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders): Promise<VerificationResult> {
    const request = parseVcalmRequest(body);
    const { result } = await this.runner.verifyValue(request.credential, request, headers);
    return result;
  }
}
