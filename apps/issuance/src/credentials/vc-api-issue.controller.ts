import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import { GetCredentialQuery, IssueCredentialHandler } from '@credstream/issuance/application';
import { VC_V2_CONTEXT } from '@credstream/open-badges';
import { ProblemException } from '@credstream/runtime';
import { DomainProblemsInterceptor } from './http/domain-problems.interceptor';
import { parseBody } from './http/request-body';

const URN_UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ISSUER_DID = /:issuers:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * VCALM IssueCredentialRequest, for an OpenBadgeCredential: the service fills id, validFrom, issuer profile,
 * achievement (from its current revision) and credentialStatus. Recipient: `credentialSubject.id` (a DID), or
 * `options.recipientEmail` (credstream extension: hashed into an IdentityObject).
 */
const issueRequest = z
  .object({
    credential: z
      .object({
        '@context': z.array(z.unknown()).optional(),
        type: z.array(z.string()).optional(),
        issuer: z.union([z.string(), z.object({ id: z.string() }).passthrough()]).optional(),
        validUntil: z.string().datetime({ offset: true }).optional(),
        credentialSubject: z
          .object({
            id: z.string().startsWith('did:', 'must be a DID').optional(),
            achievement: z.object({ id: z.string().regex(URN_UUID, 'must be urn:uuid:<achievementId>') }).passthrough(),
          })
          .passthrough(),
      })
      .passthrough(),
    options: z
      .object({
        recipientEmail: z.string().optional(),
        recipientName: z.string().max(200).optional(),
        /** Idempotency: the same key issues the same credential once. */
        credentialId: z.string().max(200).optional(),
      })
      .passthrough()
      .optional(),
  })
  .strict();

@ApiTags('vc-api')
@Controller('credentials')
@UseInterceptors(DomainProblemsInterceptor)
export class VcApiIssueController {
  constructor(
    private readonly issueCredential: IssueCredentialHandler,
    private readonly getCredential: GetCredentialQuery,
  ) {}

  @Post('issue')
  @RequireScopes('issue')
  @ApiOperation({ summary: 'Issue a credential (W3C VCALM); 201 with an EnvelopedVerifiableCredential (VC-JWT)' })
  async issue(@CurrentTenant() principal: ApiKeyPrincipal, @Body() body: unknown) {
    const { credential, options } = parseBody(issueRequest, body);
    const subjectDid = credential.credentialSubject.id;
    const recipientEmail = options?.recipientEmail;
    const recipient =
      subjectDid !== undefined
        ? { did: subjectDid }
        : recipientEmail !== undefined
          ? { email: recipientEmail }
          : undefined;
    if (recipient === undefined || (subjectDid !== undefined && recipientEmail !== undefined)) {
      throw new ProblemException(400, 'REQUEST_INVALID', 'the request names no recipient, or two', [
        {
          field: 'credential.credentialSubject.id',
          message: 'give credentialSubject.id (a DID) or options.recipientEmail',
        },
      ]);
    }
    const issuerRef = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer?.id;
    const issued = await this.issueCredential.execute({
      tenantId: principal.tenantId,
      achievementId: credential.credentialSubject.achievement.id.slice('urn:uuid:'.length).toLowerCase(),
      issuerId: issuerRef === undefined ? undefined : (ISSUER_DID.exec(issuerRef)?.[1] ?? issuerRef),
      recipient,
      recipientName: options?.recipientName,
      validUntil: credential.validUntil,
      idempotencyKey: options?.credentialId,
      correlationId: randomUUID(),
    });
    const jwt = issued.created
      ? issued.jwt
      : (await this.getCredential.execute(principal.tenantId, issued.credentialId)).jwt;
    return {
      verifiableCredential: {
        '@context': [VC_V2_CONTEXT],
        id: `data:application/vc+jwt,${jwt}`,
        type: 'EnvelopedVerifiableCredential',
      },
    };
  }
}
