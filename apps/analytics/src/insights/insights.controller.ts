import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyPrincipal, CurrentTenant, RequireScopes } from '@credstream/access';
import { DomainError } from '@credstream/event-sourcing';
import {
  GetInsightHandler,
  INSIGHT_NAMES,
  InsightName,
  InsightReport,
  RecordProgrammeCostHandler,
} from '@credstream/analytics/application';
import { ProblemException } from '@credstream/runtime';

const FILTERS_DOC =
  'Filters: from, to (YYYY-MM-DD, default the last 365 days), issuerId, achievementId (UUID), skill, cohort, ' +
  'granularity (day|week|month). Anything else, or a value of the wrong shape, is a 400.';

/** Tenant-scoped insights over the analytics store; the API key decides the tenant. */
@ApiTags('insights')
@Controller('v1/insights')
export class InsightsController {
  constructor(
    private readonly insights: GetInsightHandler,
    private readonly costs: RecordProgrammeCostHandler,
  ) {}

  @Get(':insight')
  @RequireScopes('analytics-read')
  @ApiOperation({ summary: `One insight: ${INSIGHT_NAMES.join(', ')}. ${FILTERS_DOC}` })
  async read(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('insight') insight: string,
    @Query() query: Record<string, unknown>,
  ): Promise<{ insight: InsightName; tenantId: string; tables: InsightReport }> {
    if (!(INSIGHT_NAMES as readonly string[]).includes(insight)) {
      throw new ProblemException(404, 'ANALYTICS_INSIGHT_NOT_FOUND', `no insight named ${JSON.stringify(insight)}`);
    }
    const name = insight as InsightName;
    const tables = await asProblem(() => this.insights.handle(name, principal.tenantId, query, new Date()));
    return { insight: name, tenantId: principal.tenantId, tables };
  }

  @Put('roi/programmes/:achievementId/cost')
  @HttpCode(204)
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Enter what a programme (an achievement) cost: { amount, currency }. The latest entry wins.',
  })
  async recordCost(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
    @Body() body: unknown,
  ): Promise<void> {
    await asProblem(() => this.costs.handle(principal.tenantId, achievementId, body, new Date()));
  }
}

async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      const errors = (error.details['errors'] as { field: string; message: string }[] | undefined) ?? [];
      throw new ProblemException(400, error.code, error.message, errors);
    }
    throw error;
  }
}
