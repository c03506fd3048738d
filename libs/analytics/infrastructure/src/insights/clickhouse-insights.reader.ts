import type { ClickHouseClient } from '@clickhouse/client';
import type { InsightFilters } from '@credstream/analytics/domain';
import type { InsightReport, InsightsReader, Row } from '@credstream/analytics/application';
import {
  employabilityQueries,
  GroupedWithTotals,
  REACH_TABLES,
  reachQuery,
  VERIFICATIONS_BY_SECTOR_WITH_TOTALS,
  funnelQuery,
  EMPLOYABILITY_TABLES,
  EmployabilityTable,
  employabilityQuery,
  IMPACT_TABLES,
  impactQueries,
  impactQuery,
  InsightScope,
  mobilityQueries,
  reachQueries,
  roiQueries,
  skillsDemandQuery,
  verificationQueries,
} from './insight-queries';
import { isConnectionReset } from '../clickhouse/event-row.writer';
import { splitByGrain } from './grain-tables';
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

  /** The rows of a `GROUP BY ... WITH TOTALS` query and its totals row. */
  async rowsWithTotals(sql: string): Promise<{ rows: Row[]; totals: Row | undefined }> {
    const read = async () => {
      const result = await this.client.query({
        query: sql,
        format: 'JSON',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      const { data, totals } = await result.json<Row>();
      return { rows: data, totals: totals as Row | undefined };
    };
    try {
      return await read();
    } catch (error) {
      if (!isConnectionReset(error)) throw error;
      return read();
    }
  }

  /**
   * Runs the insight's queries in parallel, one per table, except the tables `grouped` serves: a grouped table and
   * its totals come from one query. Tables keep the builders' order.
   */
  private async report(
    builders: Builders,
    tenantId: string,
    filters: InsightFilters,
    grouped: readonly GroupedWithTotals[] = [],
  ): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const served = new Set(grouped.flatMap((spec) => [spec.table, spec.totals]));
    const entries = await Promise.all([
      ...Object.entries(builders)
        .filter(([name]) => !served.has(name))
        .map(async ([name, build]) => [[name, await this.rows(build(scope))] as const]),
      ...grouped.map(async (spec) => {
        const { rows, totals } = await this.rowsWithTotals(spec.sql(scope));
        const { [spec.groupColumn]: _group, ...measures } = totals ?? {};
        return [[spec.table, rows] as const, [spec.totals, totals ? [measures] : []] as const];
      }),
    ]);
    const tables = Object.fromEntries(entries.flat());
    return Object.fromEntries(Object.keys(builders).map((name) => [name, tables[name] ?? []]));
  }

  /** One query for the four tables (impactQuery), split here by grain into the same tables and columns. */
  async impact(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const names = Object.keys(IMPACT_TABLES) as (keyof typeof IMPACT_TABLES)[];
    const report = splitByGrain(await this.rows(impactQuery(scope)), names, IMPACT_TABLES);
    // An aggregate without GROUP BY still answers one row over no credentials: the totals query says what it holds.
    if (report['totals']?.length === 0) report['totals'] = await this.rows(impactQueries.totals(scope));
    return report;
  }

  funnel(tenantId: string, filters: InsightFilters) {
    return this.report({ totals: funnelQuery }, tenantId, filters);
  }

  /** totals, byChannel and byCountry from one query (reachQuery); the most shared achievements alongside. */
  async reach(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const names = Object.keys(REACH_TABLES) as (keyof typeof REACH_TABLES)[];
    const [rows, mostSharedAchievements] = await Promise.all([
      this.rows(reachQuery(scope)),
      this.rows(reachQueries.mostSharedAchievements(scope)),
    ]);
    const report = splitByGrain(rows, names, REACH_TABLES);
    // An aggregate without GROUP BY still answers one row over nothing: the totals query says what it holds.
    if (report['totals']?.length === 0) report['totals'] = await this.rows(reachQueries.totals(scope));
    return { ...report, mostSharedAchievements };
  }

  verifications(tenantId: string, filters: InsightFilters) {
    return this.report(verificationQueries, tenantId, filters, [VERIFICATIONS_BY_SECTOR_WITH_TOTALS]);
  }

  /** totals, byAchievement and bySkill from one query (employabilityQuery); outcomes alongside. */
  async employability(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [tables, outcomes] = await Promise.all([
      this.employabilityTables(scope, ['totals', 'byAchievement', 'bySkill']),
      this.rows(employabilityQueries.outcomes(scope)),
    ]);
    return { ...tables, outcomes };
  }

  private async employabilityTables(scope: InsightScope, names: readonly EmployabilityTable[]): Promise<InsightReport> {
    const tables = splitByGrain(await this.rows(employabilityQuery(scope, names)), names, EMPLOYABILITY_TABLES);
    // An aggregate without GROUP BY still answers one row over nobody: the totals query says what it holds.
    if (tables['totals']?.length === 0) tables['totals'] = await this.rows(employabilityQueries.totals(scope));
    return tables;
  }

  mobility(tenantId: string, filters: InsightFilters) {
    return this.report(mobilityQueries, tenantId, filters);
  }

  skills(tenantId: string, filters: InsightFilters) {
    return this.report({ demand: skillsDemandQuery }, tenantId, filters);
  }

  /** Costs and programmes alongside the employability outcomes by achievement (employabilityQuery). */
  async roi(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [report, outcomes] = await Promise.all([
      this.report(roiQueries, tenantId, filters),
      this.employabilityTables(scope, ['byAchievement']),
    ]);
    return { ...report, outcomes: outcomes['byAchievement'] ?? [] };
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
