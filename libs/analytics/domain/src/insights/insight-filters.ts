/**
 * The filters every insight accepts. ClickHouse 18.16 has no server-side query parameters, so values are
 * held to strict shapes here (no quotes, backslashes or semicolons can pass) and escaped again when quoted.
 */
export type Granularity = 'day' | 'week' | 'month';

export interface InsightFilters {
  /** Inclusive first day, `YYYY-MM-DD`. */
  from: string;
  /** Inclusive last day, `YYYY-MM-DD`. */
  to: string;
  issuerId?: string;
  achievementId?: string;
  /** Skill name or framework URL of an achievement alignment. */
  skill?: string;
  cohort?: string;
  granularity: Granularity;
}

export interface FilterError {
  field: string;
  message: string;
}

export type FilterParseResult = { ok: true; filters: InsightFilters } | { ok: false; errors: FilterError[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Letters, digits, spaces and URL/label punctuation; never quotes, backslashes, semicolons or comment dashes. */
const SKILL = /^(?!.*--)[\p{L}\p{N} .,:/()&+#_-]{1,200}$/u;
const COHORT = /^(?!.*--)[A-Za-z0-9 ._:/-]{1,64}$/;
const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
const KNOWN = new Set(['from', 'to', 'issuerId', 'achievementId', 'skill', 'cohort', 'granularity']);
const MAX_RANGE_DAYS = 3660;

function isRealDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1971-01-01';
}

/**
 * Validates query-string filters. `today` (YYYY-MM-DD) is passed in: the default range is the year up to it.
 * Unknown parameters are refused too, so a typo never silently widens a result.
 */
export function parseInsightFilters(query: Record<string, unknown>, today: string): FilterParseResult {
  const errors: FilterError[] = [];
  const single = (field: string): string | undefined => {
    const value = query[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      errors.push({ field, message: 'must be given once, as text' });
      return undefined;
    }
    return value;
  };
  for (const field of Object.keys(query)) {
    if (!KNOWN.has(field)) errors.push({ field, message: 'unknown filter' });
  }
  const to = single('to') ?? today;
  const from = single('from') ?? shiftDays(today, -365);
  if (!isRealDay(from)) errors.push({ field: 'from', message: 'must be a date YYYY-MM-DD' });
  if (!isRealDay(to)) errors.push({ field: 'to', message: 'must be a date YYYY-MM-DD' });
  if (isRealDay(from) && isRealDay(to)) {
    if (from > to) errors.push({ field: 'from', message: 'must not be after to' });
    else if (daysBetween(from, to) > MAX_RANGE_DAYS)
      errors.push({ field: 'from', message: 'range is at most 10 years' });
  }
  const check = (field: string, pattern: RegExp, message: string): string | undefined => {
    const value = single(field);
    if (value === undefined) return undefined;
    if (!pattern.test(value)) errors.push({ field, message });
    return value;
  };
  const issuerId = check('issuerId', UUID, 'must be a UUID');
  const achievementId = check('achievementId', UUID, 'must be a UUID');
  const skill = check('skill', SKILL, 'must be 1-200 letters, digits, spaces or . , : / ( ) & + # _ -');
  const cohort = check('cohort', COHORT, 'must be 1-64 letters, digits, spaces or . _ : / -');
  const granularity = single('granularity') ?? 'month';
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) {
    errors.push({ field: 'granularity', message: `must be one of ${GRANULARITIES.join(', ')}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    filters: {
      from,
      to,
      granularity: granularity as Granularity,
      ...(issuerId === undefined ? {} : { issuerId: issuerId.toLowerCase() }),
      ...(achievementId === undefined ? {} : { achievementId: achievementId.toLowerCase() }),
      ...(skill === undefined ? {} : { skill }),
      ...(cohort === undefined ? {} : { cohort }),
    },
  };
}

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
