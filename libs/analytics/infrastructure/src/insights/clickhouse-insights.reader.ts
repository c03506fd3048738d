import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import type { InsightFilters } from '@credstream/analytics/domain';
import type { InsightReport, InsightsReader, Row } from '@credstream/analytics/application';
import {
  employabilityQueries,
  REACH_TABLES,
  reachQuery,
  VERIFICATION_TABLES,
  verificationQuery,
  funnelQuery,
  EMPLOYABILITY_TABLES,
  EmployabilityTable,
  employabilityOutcomesQuery,
  employabilityRecipientsQuery,
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
import { splitByGrain, type GrainTable } from './grain-tables';
import { withOutcomes } from './employability-rows';
import { sqlNumber, sqlString } from '../clickhouse/sql-literal';

type Builders = Record<string, (scope: InsightScope) => string>;

/**
 * Settings of every insight query. A tenant's slice of a merged part (its 100k credentials in credential_facts, say)
 * is one contiguous range of marks, which ClickHouse reads with a single thread below 163,840 rows (20 granules) by
 * default: with 16,384 both cores read and aggregate it.
 */
const INSIGHT_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 0,
  merge_tree_min_rows_for_concurrent_read: '16384',
};

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
      clickhouse_settings: INSIGHT_SETTINGS,
    });
    return result.json<Row>();
  }

  /** Runs the insight's queries in parallel, one per table; tables keep the builders' order. */
  private async report(builders: Builders, tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const entries = await Promise.all(
      Object.entries(builders).map(async ([name, build]) => [name, await this.rows(build(scope))] as const),
    );
    return Object.fromEntries(entries);
  }

  /**
   * The tables of one query that answers several grains, split here by grain. An aggregate without GROUP BY still
   * answers one row over nothing, so an empty totals table is filled by the totals query, which says what it holds.
   */
  private async grainTables<Name extends string>(
    rows: Row[],
    tables: Record<Name, GrainTable>,
    totalsQuery: string,
    names: readonly Name[] = Object.keys(tables) as Name[],
  ): Promise<InsightReport> {
    const report = splitByGrain(rows, names, tables);
    if (report['totals']?.length === 0) report['totals'] = await this.rows(totalsQuery);
    return report;
  }

  /** One query for the four tables (impactQuery), split here by grain into the same tables and columns. */
  async impact(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    return this.grainTables(await this.rows(impactQuery(scope)), IMPACT_TABLES, impactQueries.totals(scope));
  }

  funnel(tenantId: string, filters: InsightFilters) {
    return this.report({ totals: funnelQuery }, tenantId, filters);
  }

  /** totals, byChannel and byCountry from one query (reachQuery); the most shared achievements alongside. */
  async reach(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [rows, mostSharedAchievements] = await Promise.all([
      this.rows(reachQuery(scope)),
      this.rows(reachQueries.mostSharedAchievements(scope)),
    ]);
    return { ...(await this.grainTables(rows, REACH_TABLES, reachQueries.totals(scope))), mostSharedAchievements };
  }

  /** totals, byOrganisation, bySector and byCountry from one query (verificationQuery); failure reasons alongside. */
  async verifications(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [rows, failureReasons] = await Promise.all([
      this.rows(verificationQuery(scope)),
      this.rows(verificationQueries.failureReasons(scope)),
    ]);
    const tables = await this.grainTables(rows, VERIFICATION_TABLES, verificationQueries.totals(scope));
    const table = (name: string) => tables[name] ?? [];
    // The tables in the order the API has always listed them.
    return {
      totals: table('totals'),
      failureReasons,
      byOrganisation: table('byOrganisation'),
      bySector: table('bySector'),
      byCountry: table('byCountry'),
    };
  }

  /** totals, byAchievement and bySkill from employability's two queries; outcomes alongside. */
  async employability(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [tables, outcomes] = await Promise.all([
      this.employabilityTables(scope, ['totals', 'byAchievement', 'bySkill']),
      this.rows(employabilityQueries.outcomes(scope)),
    ]);
    return { ...tables, outcomes };
  }

  /** Employability's two queries side by side (recipients, outcomes), combined here into the tables' rows. */
  private async employabilityTables(scope: InsightScope, names: readonly EmployabilityTable[]): Promise<InsightReport> {
    const [recipients, outcomes] = await Promise.all([
      this.rows(employabilityRecipientsQuery(scope, names)),
      this.rows(employabilityOutcomesQuery(scope, names)),
    ]);
    const rows = withOutcomes(recipients, outcomes);
    return this.grainTables(rows, EMPLOYABILITY_TABLES, employabilityQueries.totals(scope), names);
  }

  mobility(tenantId: string, filters: InsightFilters) {
    return this.report(mobilityQueries, tenantId, filters);
  }

  skills(tenantId: string, filters: InsightFilters) {
    return this.report({ demand: skillsDemandQuery }, tenantId, filters);
  }

  /**
   * Costs, programmes and achievement names, with each achievement's holders who have an employment outcome: only the
   * outcomes query of employability, as ROI uses no holder counts.
   */
  async roi(tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const scope = { tenantId, filters };
    const [report, outcomes] = await Promise.all([
      this.report(roiQueries, tenantId, filters),
      this.rows(employabilityOutcomesQuery(scope, ['byAchievement'])),
    ]);
    const byAchievement = outcomes
      .filter((row) => row['grain'] === 'byAchievement')
      .map((row) => ({ achievement_id: row['key'], with_outcome: row['with_outcome'] }));
    return { ...report, outcomes: byAchievement };
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
