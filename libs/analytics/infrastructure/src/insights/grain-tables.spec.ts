import type { Row } from '@credstream/analytics/application';
import { splitByGrain } from './grain-tables';

describe('splitByGrain', () => {
  const tables = {
    totals: { key: undefined, columns: ['issued', 'rate'] },
    byCohort: { key: 'cohort', columns: ['issued', 'rate'] },
    bySkill: { key: 'skill', columns: ['issued'], limit: 2 },
  };
  const rows: Row[] = [
    { grain: 'byCohort', key: 'b', issued: 5, rate: 0.5, achievement_name: '' },
    { grain: 'bySkill', key: 'sql', issued: 9, rate: 1 },
    { grain: 'totals', key: '', issued: 8, rate: 0.25 },
    { grain: 'byCohort', key: 'a', issued: 3, rate: 0 },
    { grain: 'bySkill', key: 'python', issued: 7, rate: 1 },
    { grain: 'bySkill', key: 'welding', issued: 1, rate: 1 },
  ];

  it('gives each table its rows in query order, the key under its own name and only its columns', () => {
    const report = splitByGrain(rows, ['totals', 'byCohort', 'bySkill'], tables);
    expect(report).toEqual({
      totals: [{ issued: 8, rate: 0.25 }],
      byCohort: [
        { cohort: 'b', issued: 5, rate: 0.5 },
        { cohort: 'a', issued: 3, rate: 0 },
      ],
      bySkill: [
        { skill: 'sql', issued: 9 },
        { skill: 'python', issued: 7 },
      ],
    });
    expect(Object.keys(report['byCohort']?.[0] ?? {})).toEqual(['cohort', 'issued', 'rate']);
  });

  it('answers only the tables asked, empty when the query had no row of their grain', () => {
    expect(splitByGrain(rows.slice(0, 2), ['totals', 'byCohort'], tables)).toEqual({
      totals: [],
      byCohort: [{ cohort: 'b', issued: 5, rate: 0.5 }],
    });
  });
});
