import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import { BulkIssuanceService, type StartBulkJob } from '@credstream/issuance/application';
import { ProblemException } from '@credstream/runtime';
import { DomainProblemsInterceptor } from '../credentials/http/domain-problems.interceptor';
import { parseBody } from '../credentials/http/request-body';
import { BULK_UPLOAD_LIMITS, type BulkUploadLimits } from './bulk-upload.limits';
import { readRawBody } from './bulk-upload.reader';

const uuid = z.string().uuid('must be a UUID');
const target = z.object({ achievementId: uuid, issuerId: uuid.optional() });
const page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * Bulk issuance: `POST /bulk-issuance-jobs?achievementId=…` with a CSV body (`text/csv`) or a JSON body
 * (`application/json`: `{ achievementId, rows: [...] }`); 202 with the job, then GET it for progress.
 */
@ApiTags('bulk-issuance')
@Controller('bulk-issuance-jobs')
@RequireScopes('issue')
@UseInterceptors(DomainProblemsInterceptor)
export class BulkIssuanceController {
  constructor(
    private readonly bulk: BulkIssuanceService,
    @Inject(BULK_UPLOAD_LIMITS) private readonly limits: BulkUploadLimits,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('text/csv', 'application/json')
  @ApiOperation({ summary: 'Start a bulk issuance job from a CSV or JSON upload (up to 100,000 rows)' })
  async start(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    let upload: StartBulkJob['upload'];
    let targetInput: unknown = query;
    if (contentType === 'text/csv') {
      const raw = await readRawBody(request, this.limits.maxBytes);
      upload = { kind: 'csv', text: raw.toString('utf8') };
    } else if (contentType === 'application/json') {
      targetInput = { ...query, ...pick(body, ['achievementId', 'issuerId']) };
      upload = { kind: 'json', value: body };
    } else {
      throw new ProblemException(415, 'BULK_UPLOAD_TYPE_UNSUPPORTED', 'send text/csv or application/json', [
        { field: 'content-type', message: 'must be text/csv or application/json' },
      ]);
    }
    const { achievementId, issuerId } = parseBody(target, targetInput);
    const job = await this.bulk.start({
      tenantId: principal.tenantId,
      achievementId,
      issuerId,
      correlationId: randomUUID(),
      upload,
    });
    response.location(`/bulk-issuance-jobs/${job.jobId}`);
    return job;
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'Progress: total, issued, skipped (issued before), failed, rate, ETA' })
  get(@CurrentTenant() principal: ApiKeyPrincipal, @Param('jobId', new ParseUUIDPipe()) jobId: string) {
    return this.bulk.get(principal.tenantId, jobId);
  }

  @Get(':jobId/errors')
  @ApiOperation({ summary: 'The rows that failed: row number, field, code, reason' })
  async errors(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('jobId', new ParseUUIDPipe()) jobId: string,
    @Query() query: unknown,
  ) {
    const { offset, limit } = parseBody(page, query);
    return { jobId, offset, errors: await this.bulk.problems(principal.tenantId, jobId, offset, limit) };
  }

  @Post(':jobId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a running job; rows issued so far stay issued' })
  cancel(@CurrentTenant() principal: ApiKeyPrincipal, @Param('jobId', new ParseUUIDPipe()) jobId: string) {
    return this.bulk.cancel(principal.tenantId, jobId);
  }
}

function pick(body: unknown, keys: string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  return Object.fromEntries(keys.filter((k) => k in body).map((k) => [k, (body as Record<string, unknown>)[k]]));
}
