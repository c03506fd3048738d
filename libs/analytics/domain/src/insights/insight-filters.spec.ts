import { parseInsightFilters } from './insight-filters';

const TODAY = '2026-11-27';

describe('parseInsightFilters', () => {
  it('defaults to the last 365 days by month', () => {
    expect(parseInsightFilters({}, TODAY)).toEqual({
      ok: true,
      filters: { from: '2025-11-27', to: TODAY, granularity: 'month' },
    });
  });

  it('accepts well-formed filters and lower-cases ids', () => {
    const parsed = parseInsightFilters(
      {
        from: '2026-01-01',
        to: '2026-02-01',
        achievementId: '01932C8E-0000-7000-8000-000000000002',
        skill: 'data analytics (ESCO) http://data.europa.eu/esco/skill/2a4f',
        cohort: '2026-spring',
        granularity: 'week',
      },
      TODAY,
    );
    expect(parsed).toMatchObject({ ok: true, filters: { achievementId: '01932c8e-0000-7000-8000-000000000002' } });
  });

  it.each([
    ['from', "2026-01-01' OR 1=1"],
    ['from', '2026-02-30'],
    ['to', '2026-01-01; DROP TABLE events'],
    ['issuerId', "' OR ''='"],
    ['achievementId', 'not-a-uuid'],
    ['skill', "python' --"],
    ['skill', 'back\\slash'],
    ['skill', 'a -- b'],
    ['cohort', 'x"y'],
    ['granularity', 'year'],
    ['tenantId', 'other-tenant'],
  ])('refuses %s=%s and names the field', (field, value) => {
    const parsed = parseInsightFilters({ [field]: value }, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((error) => error.field)).toContain(field);
  });

  it('refuses repeated parameters and inverted ranges', () => {
    expect(parseInsightFilters({ cohort: ['a', 'b'] }, TODAY).ok).toBe(false);
    expect(parseInsightFilters({ from: '2026-05-01', to: '2026-04-01' }, TODAY).ok).toBe(false);
  });
});
