import type { InsightFilters } from '@credstream/analytics/domain';
import type { InsightReport, InsightsReader } from '@credstream/analytics/application';
import { CachedInsightsReader } from './cached-insights.reader';

const filters: InsightFilters = { from: '2026-01-01', to: '2026-12-31', granularity: 'month' };

function setup(maxEntries = 10) {
  let version = 'v1';
  let now = 0;
  let computed = 0;
  const answer = async (): Promise<InsightReport> => ({ totals: [{ n: (computed += 1) }] });
  const inner = {
    impact: jest.fn(answer),
    funnel: jest.fn(answer),
    recordProgrammeCost: jest.fn(async () => undefined),
  } as unknown as InsightsReader;
  const reader = new CachedInsightsReader(
    inner,
    { version: async () => version },
    { maxAgeMs: 1_000, maxEntries, now: () => now },
  );
  return {
    reader,
    setVersion: (next: string) => (version = next),
    advance: (ms: number) => (now += ms),
    computed: () => computed,
  };
}

describe('CachedInsightsReader', () => {
  it('answers again from memory while the tenant version is unchanged', async () => {
    const { reader, computed } = setup();
    await reader.impact('t1', filters);
    expect(await reader.impact('t1', filters)).toEqual({ totals: [{ n: 1 }] });
    expect(computed()).toBe(1);
  });

  it('recomputes once the version changed, the entry aged out or a programme cost was entered', async () => {
    const { reader, setVersion, advance, computed } = setup();
    await reader.impact('t1', filters);
    setVersion('v2');
    expect(await reader.impact('t1', filters)).toEqual({ totals: [{ n: 2 }] });
    advance(1_000);
    expect(await reader.impact('t1', filters)).toEqual({ totals: [{ n: 3 }] });
    await reader.recordProgrammeCost('t1', 'a', { amount: 1, currency: 'EUR' }, new Date());
    expect(await reader.impact('t1', filters)).toEqual({ totals: [{ n: 4 }] });
    expect(computed()).toBe(4);
  });

  it('keeps tenants, insights and filters apart', async () => {
    const { reader, computed } = setup();
    await reader.impact('t1', filters);
    await reader.impact('t2', filters);
    await reader.funnel('t1', filters);
    await reader.impact('t1', { ...filters, cohort: 'x' });
    expect(computed()).toBe(4);
  });

  it('holds at most maxEntries answers, dropping the least recently used', async () => {
    const { reader, computed } = setup(1);
    await reader.impact('t1', filters);
    await reader.impact('t2', filters);
    await reader.impact('t1', filters);
    expect(computed()).toBe(3);
  });
});
