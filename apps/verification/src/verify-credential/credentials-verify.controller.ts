import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyCredentialHandler } from '@credstream/verification/application';
import { credentialInputFrom, type VerificationResult } from '@credstream/verification/domain';
import { VCALM_VERIFY_REQUEST, VERIFICATION_RESULT } from './verify-credential.openapi';
import { parseVcalmRequest } from './verify-request';

/** W3C VCALM (VC API) verification: `{ verifiableCredential, options }` in, `{ verified, checks, ... }` out. */
@ApiTags('verification')
@Controller('credentials')
export class CredentialsVerifyController {
  constructor(private readonly verifyCredential: VerifyCredentialHandler) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify a credential (W3C VCALM)',
    description:
      'Verifies an Open Badges 3.0 / VC-JWT credential, given as a compact JWT or an EnvelopedVerifiableCredential, ' +
      'without asking its issuer. An invalid credential is still a 200: `verified` is false and every check says why.',
  })
  @ApiBody({ schema: VCALM_VERIFY_REQUEST })
  @ApiOkResponse({ description: 'The outcome and every check, in the OB 3.0 order.', schema: VERIFICATION_RESULT })
  @ApiBadRequestResponse({ description: 'The request is not of this shape (VERIFY_REQUEST_INVALID).' })
  async verify(@Body() body: unknown): Promise<VerificationResult> {
    const request = parseVcalmRequest(body);
    const { result } = await this.verifyCredential.execute({
      verificationId: randomUUID(),
      input: credentialInputFrom(request.verifiableCredential),
      channel: 'api',
    });
    return result;
  }
}
