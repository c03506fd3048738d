import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import { IssuanceRulesService } from '@credstream/issuance/application';
import { DomainProblemsInterceptor } from '../credentials/http/domain-problems.interceptor';
import { parseBody } from '../credentials/http/request-body';

const defineRule = z
  .object({
    partnerCourseId: z.string().trim().min(1, 'name the partner course').max(200),
    partnerSource: z.string().max(200).optional(),
    minimumScore: z.number().min(0).optional(),
    acceptedGrades: z.array(z.string().min(1).max(20)).min(1).max(50).optional(),
    achievementId: z.string().uuid('must be a UUID'),
    issuerId: z.string().uuid('must be a UUID').optional(),
  })
  .strict()
  .refine((rule) => rule.minimumScore === undefined || rule.acceptedGrades === undefined, {
    message: 'give minimumScore or acceptedGrades, not both',
    path: ['acceptedGrades'],
  });

/** "When a partner reports a completion of course X (score ≥ Y), issue achievement Z." */
@ApiTags('issuance-rules')
@Controller('issuance-rules')
@RequireScopes('admin')
@UseInterceptors(DomainProblemsInterceptor)
export class IssuanceRulesController {
  constructor(private readonly rules: IssuanceRulesService) {}

  @Post()
  @ApiOperation({ summary: 'Define a partner-triggered issuance rule' })
  define(@CurrentTenant() principal: ApiKeyPrincipal, @Body() body: unknown) {
    const { minimumScore, acceptedGrades, ...rule } = parseBody(defineRule, body);
    return this.rules.define({
      ...rule,
      tenantId: principal.tenantId,
      condition:
        minimumScore !== undefined
          ? { kind: 'minimum-score', minimum: minimumScore }
          : acceptedGrades !== undefined
            ? { kind: 'accepted-grades', grades: acceptedGrades }
            : undefined,
      correlationId: randomUUID(),
    });
  }

  @Get()
  async list(@CurrentTenant() principal: ApiKeyPrincipal) {
    return { items: await this.rules.list(principal.tenantId) };
  }

  @Get(':ruleId')
  get(@CurrentTenant() principal: ApiKeyPrincipal, @Param('ruleId', new ParseUUIDPipe()) ruleId: string) {
    return this.rules.get(principal.tenantId, ruleId);
  }

  @Post(':ruleId/disable')
  @HttpCode(200)
  disable(@CurrentTenant() principal: ApiKeyPrincipal, @Param('ruleId', new ParseUUIDPipe()) ruleId: string) {
    return this.rules.disable(principal.tenantId, ruleId, randomUUID());
  }
}
