import type { InsightFilters } from '@credstream/analytics/domain';

export type Row = Record<string, string | number | null | string[]>;
/** Named tables of one insight, e.g. `{ totals: [...], byPeriod: [...] }`. */
export type InsightReport = Record<string, Row[]>;

export const INSIGHT_NAMES = [
  'impact',
  'funnel',
  'reach',
  'verifications',
  'employability',
  'mobility',
  'skills',
  'roi',
] as const;
export type InsightName = (typeof INSIGHT_NAMES)[number];

/** Reads the analytics store; every method is scoped to one tenant. */
export interface InsightsReader {
  impact(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  funnel(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  reach(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  verifications(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  employability(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  mobility(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  skills(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  roi(tenantId: string, filters: InsightFilters): Promise<InsightReport>;
  recordProgrammeCost(
    tenantId: string,
    achievementId: string,
    cost: { amount: number; currency: string },
    at: Date,
  ): Promise<void>;
}

export const INSIGHTS_READER = Symbol.for('credstream.analytics.InsightsReader');
