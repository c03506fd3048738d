import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyCredentialHandler } from '@credstream/verification/application';
import { credentialInputFrom, type VerificationResult } from '@credstream/verification/domain';
import { FRIENDLY_VERIFICATION_RESULT, FRIENDLY_VERIFY_REQUEST } from './verify-credential.openapi';
import { parseFriendlyRequest } from './verify-request';

export interface FriendlyVerificationResponse extends VerificationResult {
  /** The decoded credential, when it could be read (for display; trust it only when `verified`). */
  credential?: Record<string, unknown>;
}

/** Verification for people and simple integrations: a credential, optionally who it should belong to and who asks. */
@ApiTags('verification')
@Controller()
export class VerifyController {
  constructor(private readonly verifyCredential: VerifyCredentialHandler) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify a credential',
    description:
      'Verifies a compact VC-JWT or an EnvelopedVerifiableCredential; with `recipient`, also checks that the credential ' +
      'was issued to that email or DID. An invalid credential is still a 200: `verified` is false and every check says why.',
  })
  @ApiBody({ schema: FRIENDLY_VERIFY_REQUEST })
  @ApiOkResponse({
    description: 'The outcome, every check, and the decoded credential when readable.',
    schema: FRIENDLY_VERIFICATION_RESULT,
  })
  @ApiBadRequestResponse({ description: 'The request is not of this shape (VERIFY_REQUEST_INVALID).' })
  async verify(@Body() body: unknown): Promise<FriendlyVerificationResponse> {
    const request = parseFriendlyRequest(body);
    const { result, credential } = await this.verifyCredential.execute({
      verificationId: randomUUID(),
      input: credentialInputFrom(request.credential),
      channel: 'api',
      recipient: request.recipient,
      verifier: request.verifier,
    });
    return credential ? { ...result, credential } : result;
  }
}
