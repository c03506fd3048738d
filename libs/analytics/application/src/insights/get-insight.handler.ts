import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@credstream/event-sourcing';
import { parseInsightFilters } from '@credstream/analytics/domain';
import { INSIGHTS_READER, InsightName, InsightReport, InsightsReader, Row } from './insights-reader.port';

export const INVALID_FILTERS = 'ANALYTICS_FILTERS_INVALID';

/** Validates the filters and reads one insight for the caller's tenant. */
@Injectable()
export class GetInsightHandler {
  constructor(@Inject(INSIGHTS_READER) private readonly reader: InsightsReader) {}

  async handle(
    insight: InsightName,
    tenantId: string,
    query: Record<string, unknown>,
    now: Date,
  ): Promise<InsightReport> {
    const parsed = parseInsightFilters(query, now.toISOString().slice(0, 10));
    if (!parsed.ok) throw new DomainError(INVALID_FILTERS, 'invalid filters', { errors: parsed.errors });
    const report = await this.reader[insight](tenantId, parsed.filters);
    if (insight === 'funnel') return withConversions(report);
    if (insight === 'roi') return roiReport(report);
    return report;
  }
}

const FUNNEL_STEPS = ['issued', 'claimed', 'shared', 'viewed', 'verified'] as const;

/** issued → claimed → shared → viewed → verified, with conversion from the previous step and from issued. */
function withConversions(report: InsightReport): InsightReport {
  const totals = report['totals']?.[0] ?? {};
  const count = (step: string) => Number(totals[step] ?? 0);
  const steps: Row[] = FUNNEL_STEPS.map((step, index) => {
    const previous = index === 0 ? count(step) : count(FUNNEL_STEPS[index - 1] as string);
    return {
      step,
      count: count(step),
      conversionFromPrevious: ratio(count(step), previous),
      conversionFromIssued: ratio(count(step), count('issued')),
    };
  });
  return { steps };
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Per programme (achievement): its cost against claims, verifications and employment outcomes. */
function roiReport(report: InsightReport): InsightReport {
  const costs = new Map((report['costs'] ?? []).map((row) => [String(row['achievement_id']), row]));
  const outcomes = new Map((report['outcomes'] ?? []).map((row) => [String(row['achievement_id']), row]));
  const names = new Map((report['names'] ?? []).map((row) => [String(row['achievement_id']), row['achievement_name']]));
  const perCost = (cost: number | null, count: number) => (cost === null || count === 0 ? null : round2(cost / count));
  const programmes: Row[] = (report['programmes'] ?? []).map((row) => {
    const id = String(row['achievement_id']);
    const costRow = costs.get(id);
    const outcomeRow = outcomes.get(id);
    const cost = costRow ? Number(costRow['cost']) : null;
    const claimed = Number(row['claimed'] ?? 0);
    const verifications = Number(row['verifications'] ?? 0);
    const employmentOutcomes = Number(outcomeRow?.['with_outcome'] ?? 0);
    return {
      achievement_id: id,
      achievement_name: names.get(id) ?? '',
      cost,
      currency: costRow ? String(costRow['currency']) : null,
      issued: Number(row['issued'] ?? 0),
      claimed,
      verifications,
      employment_outcomes: employmentOutcomes,
      cost_per_claimed: perCost(cost, claimed),
      cost_per_verification: perCost(cost, verifications),
      cost_per_outcome: perCost(cost, employmentOutcomes),
    };
  });
  programmes.sort((a, b) => String(a['achievement_id']).localeCompare(String(b['achievement_id'])));
  return { programmes };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
