import type { ClickHouseClient } from '@clickhouse/client';
import type { InsightFilters } from '@credstream/analytics/domain';
import type { InsightReport, InsightsReader, Row } from '@credstream/analytics/application';
import {
  employabilityQueries,
  funnelQuery,
  impactQueries,
  InsightScope,
  mobilityQueries,
  reachQueries,
  roiQueries,
  skillsDemandQuery,
  verificationQueries,
} from './insight-queries';
import { isConnectionReset } from '../clickhouse/event-row.writer';
import { sqlNumber, sqlString } from '../clickhouse/sql-literal';

type Builders = Record<string, (scope: InsightScope) => string>;

/** Runs the insight queries of insight-queries.ts against ClickHouse; numbers come back as JSON numbers. */
export class ClickHouseInsightsReader implements InsightsReader {
  constructor(private readonly client: ClickHouseClient) {}

  async rows(sql: string): Promise<Row[]> {
    try {
      return await this.query(sql);
    } catch (error) {
      // A pooled keep-alive socket the server closed meanwhile: a read is safe to send again, once.
      if (!isConnectionReset(error)) throw error;
      return this.query(sql);
    }
  }

  private async query(sql: string): Promise<Row[]> {
    const result = await this.client.query({
      query: sql,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    return result.json<Row>();
  }

  private async report(builders: Builders, tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const entries = await Promise.all(
      Object.entries(builders).map(async ([name, build]) => [name, await this.rows(build(scope))] as const),
    );
    return Object.fromEntries(entries);
  }

  impact(tenantId: string, filters: InsightFilters) {
    return this.report(impactQueries, tenantId, filters);
  }

  funnel(tenantId: string, filters: InsightFilters) {
    return this.report({ totals: funnelQuery }, tenantId, filters);
  }

  reach(tenantId: string, filters: InsightFilters) {
    return this.report(reachQueries, tenantId, filters);
  }

  verifications(tenantId: string, filters: InsightFilters) {
    return this.report(verificationQueries, tenantId, filters);
  }

  employability(tenantId: string, filters: InsightFilters) {
    return this.report(employabilityQueries, tenantId, filters);
  }

  mobility(tenantId: string, filters: InsightFilters) {
    return this.report(mobilityQueries, tenantId, filters);
  }

  skills(tenantId: string, filters: InsightFilters) {
    return this.report({ demand: skillsDemandQuery }, tenantId, filters);
  }

  roi(tenantId: string, filters: InsightFilters) {
    return this.report({ ...roiQueries, outcomes: employabilityQueries.byAchievement }, tenantId, filters);
  }

  async recordProgrammeCost(
    tenantId: string,
    achievementId: string,
    cost: { amount: number; currency: string },
    at: Date,
  ): Promise<void> {
    const enteredAt = at.toISOString().slice(0, 19).replace('T', ' ');
    await this.client.command({
      query: `INSERT INTO programme_costs (tenant_id, achievement_id, amount, currency, entered_at) VALUES
        (${sqlString(tenantId)}, ${sqlString(achievementId)}, ${sqlNumber(cost.amount)}, ${sqlString(cost.currency)},
         ${sqlString(enteredAt)})`,
    });
  }
}
