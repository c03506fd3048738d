import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import type { EventEnvelope } from '@credstream/contracts';
import {
  ChangeCredentialStatusHandler,
  CredentialHistoryQuery,
  GetCredentialQuery,
  IssueCredentialHandler,
  SearchCredentialsQuery,
  type CredentialPage,
  type StatusChange,
} from '@credstream/issuance/application';
import { recipientKey } from '@credstream/open-badges';
import { DomainProblemsInterceptor } from './http/domain-problems.interceptor';
import { parseBody } from './http/request-body';

const uuid = z.string().uuid('must be a UUID');
const timestamp = z.string().datetime({ offset: true, message: 'must be an ISO-8601 timestamp' });

const issueBody = z
  .object({
    achievementId: uuid,
    issuerId: uuid.optional(),
    recipient: z.union(
      [
        z.object({ email: z.string().min(1).max(320) }).strict(),
        z.object({ did: z.string().min(1).max(2048) }).strict(),
      ],
      { errorMap: () => ({ message: 'give { "email": … } or { "did": … }' }) },
    ),
    recipientName: z.string().max(200).optional(),
    cohort: z.string().max(100).optional(),
    validUntil: timestamp.optional(),
  })
  .strict();

const reasonBody = z.object({ reason: z.string().trim().min(1, 'give a reason').max(500) }).strict();
const optionalReasonBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();

const searchQuery = z
  .object({
    achievementId: uuid.optional(),
    recipientEmail: z.string().email().optional(),
    recipientDid: z.string().startsWith('did:').optional(),
    recipientHash: z.string().max(200).optional(),
    status: z.enum(['issued', 'suspended', 'revoked']).optional(),
    issuedFrom: timestamp.optional(),
    issuedTo: timestamp.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: z.string().max(500).optional(),
  })
  .strict();

const countQuery = z
  .object({
    achievementId: uuid.optional(),
    status: z.enum(['issued', 'suspended', 'revoked']).optional(),
    trigger: z.enum(['api', 'bulk', 'partner']).optional(),
  })
  .strict();

/** Issue, read, search and change the status of a tenant's credentials. */
@ApiTags('credentials')
@Controller('credentials')
@UseInterceptors(DomainProblemsInterceptor)
export class CredentialsController {
  constructor(
    private readonly issueCredential: IssueCredentialHandler,
    private readonly changeStatus: ChangeCredentialStatusHandler,
    private readonly getCredential: GetCredentialQuery,
    private readonly history: CredentialHistoryQuery,
    private readonly searchCredentials: SearchCredentialsQuery,
  ) {}

  @Post()
  @RequireScopes('issue')
  @ApiOperation({ summary: 'Issue an Open Badges 3.0 credential (VC-JWT); Idempotency-Key makes retries safe' })
  async issue(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = parseBody(issueBody, body);
    const issued = await this.issueCredential.execute({
      ...request,
      tenantId: principal.tenantId,
      idempotencyKey: idempotencyKey?.trim() || undefined,
      correlationId: randomUUID(),
    });
    response.location(`/credentials/${issued.credentialId}`);
    if (!issued.created) {
      response.status(200);
      return this.getCredential.execute(principal.tenantId, issued.credentialId);
    }
    return { credentialId: issued.credentialId, status: 'issued', jwt: issued.jwt, credential: issued.credential };
  }

  @Get()
  @RequireScopes()
  @ApiOperation({ summary: 'List and search credentials (newest first, cursor-paginated)' })
  async search(@CurrentTenant() principal: ApiKeyPrincipal, @Query() query: unknown): Promise<CredentialPage> {
    const { recipientEmail, recipientDid, ...search } = parseBody(searchQuery, query);
    const identity = recipientEmail ?? recipientDid;
    return this.searchCredentials.execute({
      ...search,
      tenantId: principal.tenantId,
      recipientKey: identity === undefined ? undefined : recipientKey(identity),
    });
  }

  @Get('count')
  @RequireScopes()
  @ApiOperation({ summary: "How many of the tenant's credentials there are (by achievement, status, trigger)" })
  async count(@CurrentTenant() principal: ApiKeyPrincipal, @Query() query: unknown): Promise<{ count: number }> {
    const filter = parseBody(countQuery, query);
    return { count: await this.searchCredentials.count({ ...filter, tenantId: principal.tenantId }) };
  }

  @Get(':credentialId')
  @RequireScopes()
  @ApiOperation({ summary: 'A credential: JSON (default) or the compact VC-JWT (Accept: application/vc+jwt)' })
  async get(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('credentialId', new ParseUUIDPipe()) credentialId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.getCredential.execute(principal.tenantId, credentialId);
    if (accept?.includes('application/vc+jwt') || accept?.includes('application/jwt')) {
      response.type('application/vc+jwt');
      return view.jwt;
    }
    return view;
  }

  @Get(':credentialId/history')
  @RequireScopes()
  @ApiOperation({ summary: 'The credential’s events: its audit trail' })
  async auditTrail(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('credentialId', new ParseUUIDPipe()) credentialId: string,
  ) {
    const events = await this.history.execute(principal.tenantId, credentialId);
    return { credentialId, events: events.map(auditEntry) };
  }

  @Post(':credentialId/revoke')
  @HttpCode(200)
  @RequireScopes('revoke')
  revoke(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('credentialId', new ParseUUIDPipe()) credentialId: string,
    @Body() body: unknown,
  ) {
    return this.change(principal, credentialId, 'revoke', parseBody(reasonBody, body).reason);
  }

  @Post(':credentialId/suspend')
  @HttpCode(200)
  @RequireScopes('revoke')
  suspend(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('credentialId', new ParseUUIDPipe()) credentialId: string,
    @Body() body: unknown,
  ) {
    return this.change(principal, credentialId, 'suspend', parseBody(reasonBody, body).reason);
  }

  @Post(':credentialId/reinstate')
  @HttpCode(200)
  @RequireScopes('revoke')
  reinstate(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('credentialId', new ParseUUIDPipe()) credentialId: string,
    @Body() body: unknown,
  ) {
    return this.change(principal, credentialId, 'reinstate', parseBody(optionalReasonBody, body).reason);
  }

  private async change(principal: ApiKeyPrincipal, credentialId: string, change: StatusChange, reason?: string) {
    const { status } = await this.changeStatus.execute({
      tenantId: principal.tenantId,
      credentialId,
      change,
      reason,
      correlationId: randomUUID(),
    });
    return { credentialId, status };
  }
}

/** An event as the audit trail shows it: never the recipient's plain email or the salt. */
function auditEntry(event: EventEnvelope) {
  const data = { ...(event.data as Record<string, unknown>) };
  delete data['recipientEmail'];
  delete data['jwt'];
  return {
    type: event.type,
    version: event.aggregateVersion,
    occurredAt: event.occurredAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data,
  };
}
