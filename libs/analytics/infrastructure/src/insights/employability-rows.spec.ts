import type { Row } from '@credstream/analytics/application';
import { roundLikeClickHouse, withOutcomes } from './employability-rows';

describe('roundLikeClickHouse', () => {
  it('rounds a scaled value half up, as ClickHouse 18.16 rounds a Float64', () => {
    expect(roundLikeClickHouse(2.25, 1)).toBe(2.3);
    expect(roundLikeClickHouse(90.00625, 4)).toBe(90.0063);
    expect(roundLikeClickHouse(1 / 3, 4)).toBe(0.3333);
    expect(roundLikeClickHouse(0, 4)).toBe(0);
  });

  it('answers null for 0 / 0, as the JSON output of a NaN', () => {
    expect(roundLikeClickHouse(0 / 0, 1)).toBeNull();
  });
});

describe('withOutcomes', () => {
  const recipients: Row[] = [
    { grain: 'byAchievement', key: 'a-2', achievement_name: 'Data', recipients: 3 },
    { grain: 'byAchievement', key: 'a-1', achievement_name: 'Welding', recipients: 2 },
    { grain: 'totals', key: '', achievement_name: '', recipients: 4 },
  ];
  const outcomes: Row[] = [
    { grain: 'totals', key: '', with_outcome: 2, with_outcome_90d: 1, with_outcome_180d: 2, outcome_days: 125.5 },
    {
      grain: 'byAchievement',
      key: 'a-2',
      with_outcome: 1,
      with_outcome_90d: 0,
      with_outcome_180d: 1,
      outcome_days: 100,
    },
  ];

  it("adds each row's outcome counts, shares of its recipients and average days, keeping the recipients' order", () => {
    expect(withOutcomes(recipients, outcomes)).toEqual([
      {
        grain: 'byAchievement',
        key: 'a-2',
        achievement_name: 'Data',
        recipients: 3,
        with_outcome: 1,
        with_outcome_90d: 0,
        with_outcome_180d: 1,
        share_90d: 0,
        share_180d: 0.3333,
        avg_days_to_outcome: 100,
      },
      {
        grain: 'byAchievement',
        key: 'a-1',
        achievement_name: 'Welding',
        recipients: 2,
        with_outcome: 0,
        with_outcome_90d: 0,
        with_outcome_180d: 0,
        share_90d: 0,
        share_180d: 0,
        avg_days_to_outcome: null,
      },
      {
        grain: 'totals',
        key: '',
        achievement_name: '',
        recipients: 4,
        with_outcome: 2,
        with_outcome_90d: 1,
        with_outcome_180d: 2,
        share_90d: 0.25,
        share_180d: 0.5,
        avg_days_to_outcome: 62.8,
      },
    ]);
  });

  it('does not match an outcome row of another table with the same key', () => {
    const [row] = withOutcomes(
      [{ grain: 'bySkill', key: 'a-2', recipients: 1 }],
      [
        {
          grain: 'byAchievement',
          key: 'a-2',
          with_outcome: 1,
          with_outcome_90d: 1,
          with_outcome_180d: 1,
          outcome_days: 3,
        },
      ],
    );
    expect(row?.['with_outcome']).toBe(0);
  });
});
