import type { Granularity, InsightFilters } from '@credstream/analytics/domain';
import { sqlDate, sqlString } from '../clickhouse/sql-literal';

/**
 * Every SQL statement behind the dashboards and the /v1/insights endpoints, in one place, so the Grafana
 * dashboards and docs/analytics.md can reuse them. Each builder takes a tenant and validated filters and returns
 * plain SQL for ClickHouse 18.16+: no FINAL (duplicates from redelivery are absorbed by uniqExact, min/max and
 * GROUP BY event id), one JOIN per SELECT, values quoted with sqlString/sqlDate only.
 */
export interface InsightScope {
  tenantId: string;
  filters: InsightFilters;
}

const ISSUED = "'credential.issued.v1'";
const VERIFIED = "'credential.verified.v1'";
const OUTCOME_TYPES = "('person.hired.v1', 'person.promoted.v1')";

const tenant = (scope: InsightScope) => `tenant_id = ${sqlString(scope.tenantId)}`;
const inRange = (column: string, filters: InsightFilters) =>
  `toDate(${column}) BETWEEN ${sqlDate(filters.from)} AND ${sqlDate(filters.to)}`;
const hasCredentialFilters = (f: InsightFilters) =>
  f.issuerId !== undefined || f.achievementId !== undefined || f.cohort !== undefined || f.skill !== undefined;

export function periodExpression(column: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return `toDate(${column})`;
    case 'week':
      return `toMonday(toDate(${column}))`;
    case 'month':
      return `toStartOfMonth(toDate(${column}))`;
  }
}

/** Achievements of the tenant aligned (in any revision) to the skill filter, by name or framework URL. */
function skillAchievements(scope: InsightScope, skill: string): string {
  return `(SELECT achievement_id FROM achievement_revisions WHERE ${tenant(scope)}
    AND (has(skill_names, ${sqlString(skill)}) OR has(skill_urls, ${sqlString(skill)})))`;
}

/** Conditions on credential attributes (columns issuer_id, achievement_id, cohort in the enclosing SELECT). */
function credentialConditions(scope: InsightScope): string[] {
  const f = scope.filters;
  return [
    f.issuerId === undefined ? '' : `issuer_id = ${sqlString(f.issuerId)}`,
    f.achievementId === undefined ? '' : `achievement_id = ${sqlString(f.achievementId)}`,
    f.cohort === undefined ? '' : `cohort = ${sqlString(f.cohort)}`,
    f.skill === undefined ? '' : `achievement_id IN ${skillAchievements(scope, f.skill)}`,
  ].filter((condition) => condition !== '');
}

/** How each column of credential_facts is merged back into a value. */
const CREDENTIAL_COLUMNS = {
  issuer_id: 'maxMerge(issuer_id)',
  achievement_id: 'maxMerge(achievement_id)',
  cohort: 'maxMerge(cohort)',
  issued_at: 'minIfMerge(issued_at)',
  valid_until: 'maxMerge(valid_until)',
  claimed_at: 'minIfMerge(claimed_at)',
  accepted_at: 'minIfMerge(accepted_at)',
  declined_at: 'minIfMerge(declined_at)',
  revoked_at: 'minIfMerge(revoked_at)',
  first_shared_at: 'minIfMerge(first_shared_at)',
  first_viewed_at: 'minIfMerge(first_viewed_at)',
  first_verified_at: 'minIfMerge(first_verified_at)',
  shares: 'uniqExactIfMerge(shares)',
  views: 'uniqExactIfMerge(views)',
  verifications: 'uniqExactIfMerge(verifications)',
} as const;
export type CredentialColumn = keyof typeof CREDENTIAL_COLUMNS;

const IMPACT_COLUMNS: CredentialColumn[] = [
  'achievement_id',
  'cohort',
  'issued_at',
  'valid_until',
  'claimed_at',
  'accepted_at',
  'declined_at',
  'revoked_at',
];
const FUNNEL_COLUMNS: CredentialColumn[] = [
  'issued_at',
  'claimed_at',
  'accepted_at',
  'first_shared_at',
  'first_viewed_at',
  'first_verified_at',
];

/**
 * One row per credential of the tenant, its facts merged from credential_facts, filtered by the credential
 * filters and (when `byIssueDate`) by issue date. Timestamps are 0 for "never". Only the `columns` asked for are
 * merged (plus issued_at and those the filters need): every merged state costs, the distinct counts most.
 * Without `withId` the rows are grouped by the 64-bit hash of the id and carry no credential_id: a hash table of
 * numbers is ~10 % cheaper than one of strings (a collision becomes likely only near 2^32 credentials in a tenant).
 */
export function credentialScope(
  scope: InsightScope,
  byIssueDate = true,
  columns: readonly CredentialColumn[] = Object.keys(CREDENTIAL_COLUMNS) as CredentialColumn[],
  withId = true,
): string {
  const having = [
    'toUInt32(issued_at) > 0',
    ...(byIssueDate ? [inRange('issued_at', scope.filters)] : []),
    ...credentialConditions(scope),
  ];
  const f = scope.filters;
  const needed = new Set<CredentialColumn>([
    ...columns,
    'issued_at',
    ...(f.issuerId === undefined ? [] : (['issuer_id'] as const)),
    ...(f.achievementId === undefined && f.skill === undefined ? [] : (['achievement_id'] as const)),
    ...(f.cohort === undefined ? [] : (['cohort'] as const)),
  ]);
  const merged = [...needed].map((column) => `${CREDENTIAL_COLUMNS[column]} AS ${column}`).join(', ');
  return `SELECT ${withId ? 'credential_id, ' : ''}${merged}
    FROM credential_facts WHERE ${tenant(scope)} GROUP BY ${withId ? 'credential_id' : 'cityHash64(credential_id)'}
    HAVING ${having.join(' AND ')}`;
}

/** `AND credential_id IN (...)` when credential filters are set, else nothing (events of every credential). */
function credentialRestriction(scope: InsightScope): string {
  if (!hasCredentialFilters(scope.filters)) return '';
  return `AND credential_id IN (SELECT credential_id FROM (${credentialScope(scope, false, [])}))`;
}

const IMPACT_MEASURE_NAMES = [
  'issued',
  'claimed',
  'accepted',
  'declined',
  'revoked',
  'expired',
  'active',
  'claim_rate',
  'accept_rate',
  'avg_hours_to_claim',
  'median_hours_to_claim',
] as const;
const IMPACT_MEASURES = `count() AS issued,
    countIf(is_claimed) AS claimed,
    countIf(toUInt32(accepted_at) > 0) AS accepted,
    countIf(toUInt32(declined_at) > 0) AS declined,
    countIf(is_revoked) AS revoked,
    countIf(is_expired) AS expired,
    countIf(NOT is_revoked AND NOT is_expired) AS active,
    round(if(count() = 0, 0, countIf(is_claimed) / count()), 4) AS claim_rate,
    round(if(count() = 0, 0, countIf(toUInt32(accepted_at) > 0) / count()), 4) AS accept_rate,
    round(avgIf(hours_to_claim, is_claimed), 2) AS avg_hours_to_claim,
    round(quantileExactIf(0.5)(hours_to_claim, is_claimed), 2) AS median_hours_to_claim`;

function impactRows(scope: InsightScope): string {
  return `SELECT achievement_id, cohort, issued_at, valid_until, claimed_at, accepted_at, declined_at, revoked_at,
      toUInt32(claimed_at) > 0 OR toUInt32(accepted_at) > 0 AS is_claimed,
      toUInt32(revoked_at) > 0 AS is_revoked,
      toUInt32(revoked_at) = 0 AND toUInt32(valid_until) > 0 AND valid_until < now() AS is_expired,
      if(toUInt32(claimed_at) > 0, greatest(0, toInt64(toUInt32(claimed_at)) - toInt64(toUInt32(issued_at))) / 3600,
        if(toUInt32(accepted_at) > 0, greatest(0, toInt64(toUInt32(accepted_at)) - toInt64(toUInt32(issued_at))) / 3600, 0))
        AS hours_to_claim
    FROM (${credentialScope(scope, true, IMPACT_COLUMNS, false)})`;
}

/** Names of the tenant's achievements (latest revision; achievement_revisions, migration 8). */
function achievementNames(scope: InsightScope): string {
  return `SELECT achievement_id, argMax(name, achievement_revision) AS achievement_name FROM achievement_revisions
    WHERE ${tenant(scope)} GROUP BY achievement_id`;
}

export const impactQueries = {
  totals: (scope: InsightScope) => `SELECT ${IMPACT_MEASURES} FROM (${impactRows(scope)})`,
  byPeriod: (scope: InsightScope) =>
    `SELECT toString(${periodExpression('issued_at', scope.filters.granularity)}) AS period, ${IMPACT_MEASURES}
     FROM (${impactRows(scope)}) GROUP BY period ORDER BY period`,
  byAchievement: (scope: InsightScope) =>
    `SELECT achievement_id, achievement_name, issued, claimed, accepted, revoked, expired, active, claim_rate,
       avg_hours_to_claim FROM (
       SELECT achievement_id, ${IMPACT_MEASURES} FROM (${impactRows(scope)}) GROUP BY achievement_id
     ) ANY LEFT JOIN (${achievementNames(scope)}) USING achievement_id ORDER BY issued DESC, achievement_id`,
  byCohort: (scope: InsightScope) =>
    `SELECT cohort, ${IMPACT_MEASURES} FROM (${impactRows(scope)}) GROUP BY cohort ORDER BY issued DESC, cohort`,
};

/** Columns of each impact table, in order; `key` is the grouping value the table names in its first column. */
export const IMPACT_TABLES = {
  totals: { key: undefined, columns: IMPACT_MEASURE_NAMES },
  byPeriod: { key: 'period', columns: IMPACT_MEASURE_NAMES },
  byAchievement: {
    key: 'achievement_id',
    columns: [
      'achievement_name',
      'issued',
      'claimed',
      'accepted',
      'revoked',
      'expired',
      'active',
      'claim_rate',
      'avg_hours_to_claim',
    ],
  },
  byCohort: { key: 'cohort', columns: IMPACT_MEASURE_NAMES },
} as const;

/**
 * The four impact tables in one pass: the tenant's credentials are merged from credential_facts once and summed
 * per (period, achievement, cohort) — a few thousand groups, whatever the number of credentials — and only those
 * partial sums are expanded into the four tables (ARRAY JOIN of each group's grains: all, its period, achievement
 * and cohort) and added up, with the same measures as `impactQueries` (averages as sum / count, the median from
 * merged quantileExact states). Rows carry `grain` (the table) and `key`; the reader splits them.
 * No row of grain `totals` when no credential is in scope: ask `impactQueries.totals` then.
 */
export const impactQuery = (scope: InsightScope) =>
  `SELECT grain, key, achievement_name, issued, claimed, accepted, declined, revoked, expired, active, claim_rate,
     accept_rate, avg_hours_to_claim, median_hours_to_claim FROM (
     SELECT grain, key, if(grain = 'byAchievement', key, '') AS achievement_id, sum(n) AS issued,
       sum(n_claimed) AS claimed, sum(n_accepted) AS accepted, sum(n_declined) AS declined, sum(n_revoked) AS revoked,
       sum(n_expired) AS expired, sum(n_active) AS active,
       round(if(issued = 0, 0, claimed / issued), 4) AS claim_rate,
       round(if(issued = 0, 0, accepted / issued), 4) AS accept_rate,
       round(sum(claim_hours) / claimed, 2) AS avg_hours_to_claim,
       round(quantileExactIfMerge(0.5)(claim_hours_median), 2) AS median_hours_to_claim FROM (
       SELECT *, arrayJoin([('totals', ''), ('byPeriod', period), ('byAchievement', achievement_id),
           ('byCohort', cohort)]) AS grains,
         tupleElement(grains, 1) AS grain, tupleElement(grains, 2) AS key
       FROM (
         SELECT toString(${periodExpression('issued_at', scope.filters.granularity)}) AS period, achievement_id, cohort,
           count() AS n, countIf(is_claimed) AS n_claimed, countIf(toUInt32(accepted_at) > 0) AS n_accepted,
           countIf(toUInt32(declined_at) > 0) AS n_declined, countIf(is_revoked) AS n_revoked,
           countIf(is_expired) AS n_expired, countIf(NOT is_revoked AND NOT is_expired) AS n_active,
           sumIf(hours_to_claim, is_claimed) AS claim_hours,
           quantileExactIfState(0.5)(hours_to_claim, is_claimed) AS claim_hours_median
         FROM (${impactRows(scope)}) GROUP BY period, achievement_id, cohort
       )
     ) GROUP BY grain, key
   ) ANY LEFT JOIN (${achievementNames(scope)}) USING achievement_id
   ORDER BY grain, if(grain = 'byPeriod', key, ''), issued DESC, key`;

export const funnelQuery = (scope: InsightScope) =>
  `SELECT count() AS issued,
     countIf(toUInt32(claimed_at) > 0 OR toUInt32(accepted_at) > 0) AS claimed,
     countIf(toUInt32(first_shared_at) > 0) AS shared,
     countIf(toUInt32(first_viewed_at) > 0) AS viewed,
     countIf(toUInt32(first_verified_at) > 0) AS verified
   FROM (${credentialScope(scope, true, FUNNEL_COLUMNS)})`;

const SHARE_TYPES = "('share.created.v1', 'share.viewed.v1')";
const VIEWED = "event_type = 'share.viewed.v1'";

/**
 * Rows of activity_facts (migration 8: share, view and verification events, narrow, sorted by tenant, type and
 * day, ids hashed to UInt64) of the tenant, `types`, in the date range, restricted by the credential filters.
 */
function activity(scope: InsightScope, types: string, arrayJoin = ''): string {
  return `FROM activity_facts ${arrayJoin} WHERE ${tenant(scope)} AND event_type IN ${types}
    AND day BETWEEN ${sqlDate(scope.filters.from)} AND ${sqlDate(scope.filters.to)} ${credentialRestriction(scope)}`;
}

const REACH_MEASURES = `uniqExactIf(share_key, event_type = 'share.created.v1') AS shares,
    uniqExactIf(event_key, ${VIEWED}) AS views,
    uniqExactIf(event_key, ${VIEWED} AND has_share) AS views_via_shares,
    uniqExactIf(viewer_key, ${VIEWED}) AS unique_viewers,
    uniqExactIf(viewer_key, ${VIEWED} AND has_share) AS unique_viewers_via_shares,
    round(if(shares = 0, 0, views_via_shares / shares), 4) AS views_per_share,
    round(if(shares = 0, 0, unique_viewers_via_shares / shares), 4) AS k_factor`;

export const reachQueries = {
  totals: (scope: InsightScope) => `SELECT ${REACH_MEASURES} ${activity(scope, SHARE_TYPES)}`,
  /**
   * Shares and views are counted distinct per channel and then added up: a share or a view has one channel, so the
   * channels' distinct sets are disjoint and their sums are the distinct totals (`WITH TOTALS` then merges only the
   * viewers' states; a viewer may come through several channels).
   */
  byChannel: (scope: InsightScope, withTotals = false) =>
    `SELECT channel, sum(channel_shares) AS shares, sum(channel_views) AS views,
       sum(channel_views_via_shares) AS views_via_shares, uniqExactIfMerge(viewers) AS unique_viewers,
       uniqExactIfMerge(viewers_via_shares) AS unique_viewers_via_shares,
       round(if(shares = 0, 0, views_via_shares / shares), 4) AS views_per_share,
       round(if(shares = 0, 0, unique_viewers_via_shares / shares), 4) AS k_factor FROM (
       SELECT channel, uniqExactIf(share_key, event_type = 'share.created.v1') AS channel_shares,
         uniqExactIf(event_key, ${VIEWED}) AS channel_views,
         uniqExactIf(event_key, ${VIEWED} AND has_share) AS channel_views_via_shares,
         uniqExactIfState(viewer_key, ${VIEWED}) AS viewers,
         uniqExactIfState(viewer_key, ${VIEWED} AND has_share) AS viewers_via_shares
       ${activity(scope, SHARE_TYPES)} GROUP BY channel
     ) GROUP BY channel ${withTotals ? 'WITH TOTALS' : ''}
     ORDER BY views DESC, channel`,
  byCountry: (scope: InsightScope) =>
    `SELECT if(country = '', 'unknown', country) AS viewer_country, uniqExact(event_key) AS views,
       uniqExact(viewer_key) AS unique_viewers
     ${activity(scope, "('share.viewed.v1')")} GROUP BY viewer_country ORDER BY views DESC, viewer_country`,
  /**
   * A credential's achievement is the one its issued event names (no other event carries one): read from those
   * rows (holding_events, joined by the credential's 64-bit hash), cheaper than merging credential_facts. A LEFT
   * join over rows with a credential keeps shares of credentials whose issue analytics never saw, under
   * achievement '', as credential_facts would.
   */
  mostSharedAchievements: (scope: InsightScope) =>
    `SELECT achievement_id, achievement_name, shares, views FROM (
       SELECT achievement_id, uniqExactIf(share_key, event_type = 'share.created.v1') AS shares,
         uniqExactIf(event_key, ${VIEWED}) AS views
       FROM (SELECT event_type, share_key, event_key, cityHash64(credential_id) AS credential_key
         ${activity(scope, SHARE_TYPES)} AND credential_id != '')
       ANY LEFT JOIN (${issuedAchievements(scope)}) USING credential_key
       GROUP BY achievement_id
     ) ANY LEFT JOIN (${achievementNames(scope)}) USING achievement_id
     ORDER BY shares DESC, views DESC, achievement_id LIMIT 20`,
};

const REACH_MEASURE_NAMES = [
  'shares',
  'views',
  'views_via_shares',
  'unique_viewers',
  'unique_viewers_via_shares',
  'views_per_share',
  'k_factor',
] as const;

/** Reach tables reachQuery computes together, with the column each names its group by. */
export const REACH_TABLES = {
  totals: { key: undefined, columns: REACH_MEASURE_NAMES },
  byChannel: { key: 'channel', columns: REACH_MEASURE_NAMES },
  byCountry: { key: 'viewer_country', columns: ['views', 'unique_viewers'] },
} as const;

/**
 * `reachQueries.totals`, `.byChannel` and `.byCountry` in one pass over the tenant's share and view rows: distinct
 * shares and views per (channel, country) — a share or view has one channel and one country, so these sets are
 * disjoint and their sums are the distinct counts of every coarser group — and the viewers' uniqExact states merged
 * per table row (a viewer may come through several channels and countries). The rows are grouped by the 64-bit hash
 * of (channel, country, has_share) — one number per row instead of strings to hash and compare — so that "via
 * shares" is a property of the group: those counts add up and merge only its groups' sets instead of counting
 * every view and viewer a second time (ClickHouse CPU 74 → 58 ms on the benchmark's data). byCountry counts views
 * only: its rows made of shares alone are left out. Rows carry `grain` and `key`; the reader splits them. No
 * `totals` row when no share or view is in scope: ask `reachQueries.totals` then.
 */
export const reachQuery = (scope: InsightScope) =>
  `SELECT grain, key, shares, views, views_via_shares, unique_viewers, unique_viewers_via_shares,
     round(if(shares = 0, 0, views_via_shares / shares), 4) AS views_per_share,
     round(if(shares = 0, 0, unique_viewers_via_shares / shares), 4) AS k_factor FROM (
     SELECT grain, key, sum(n_shares) AS shares, sum(n_views) AS views, sumIf(n_views, via_share) AS views_via_shares,
       uniqExactIfMerge(viewers) AS unique_viewers, uniqExactIfMergeIf(viewers, via_share) AS unique_viewers_via_shares
     FROM (
       SELECT n_shares, n_views, via_share, viewers,
         arrayJoin([('totals', ''), ('byChannel', channel), ('byCountry', if(country = '', 'unknown', country))]) AS g,
         tupleElement(g, 1) AS grain, tupleElement(g, 2) AS key
       FROM (
         SELECT any(row_channel) AS channel, any(row_country) AS country, any(has_share) AS via_share,
           uniqExactIf(share_key, event_type = 'share.created.v1') AS n_shares,
           uniqExactIf(event_key, ${VIEWED}) AS n_views,
           uniqExactIfState(viewer_key, ${VIEWED}) AS viewers
         FROM (SELECT channel AS row_channel, country AS row_country, event_type, share_key, event_key, has_share,
           viewer_key ${activity(scope, SHARE_TYPES)})
         GROUP BY cityHash64(row_channel, row_country, has_share)
       )
     ) GROUP BY grain, key
   ) WHERE grain != 'byCountry' OR views > 0
   ORDER BY grain, views DESC, key`;

const VERIFICATION_MEASURES = `uniqExact(verification_key) AS verifications,
    uniqExactIf(verification_key, verified = 1) AS passed,
    uniqExactIf(verification_key, verified = 0) AS failed,
    round(if(verifications = 0, 0, passed / verifications), 4) AS pass_rate`;

/** Verifications from activity_facts (exact distinct counts of verification ids). */
export const verificationQueries = {
  totals: (scope: InsightScope) => `SELECT ${VERIFICATION_MEASURES} ${activity(scope, `(${VERIFIED})`)}`,
  failureReasons: (scope: InsightScope) =>
    `SELECT code, uniqExact(verification_key) AS verifications
     ${activity(scope, `(${VERIFIED})`, 'ARRAY JOIN failure_codes AS code')} GROUP BY code ORDER BY verifications DESC, code`,
  byOrganisation: (scope: InsightScope) =>
    `SELECT if(organization = '', 'anonymous', organization) AS organization, any(sector) AS sector,
       any(country) AS country, ${VERIFICATION_MEASURES}
     ${activity(scope, `(${VERIFIED})`)} GROUP BY organization ORDER BY verifications DESC, organization LIMIT 50`,
  bySector: (scope: InsightScope, withTotals = false) =>
    `SELECT if(sector = '', 'unknown', sector) AS sector, ${VERIFICATION_MEASURES}
     ${activity(scope, `(${VERIFIED})`)} GROUP BY sector ${withTotals ? 'WITH TOTALS' : ''}
     ORDER BY verifications DESC, sector`,
  byCountry: (scope: InsightScope) =>
    `SELECT if(country = '', 'unknown', country) AS country, ${VERIFICATION_MEASURES}
     ${activity(scope, `(${VERIFIED})`)} GROUP BY country ORDER BY verifications DESC, country`,
};

const VERIFICATION_MEASURE_NAMES = ['verifications', 'passed', 'failed', 'pass_rate'] as const;

/** Verification tables verificationQuery computes together, with the column each names its group by. */
export const VERIFICATION_TABLES = {
  totals: { key: undefined, columns: VERIFICATION_MEASURE_NAMES },
  byOrganisation: { key: 'organization', columns: ['sector', 'country', ...VERIFICATION_MEASURE_NAMES], limit: 50 },
  bySector: { key: 'sector', columns: VERIFICATION_MEASURE_NAMES },
  byCountry: { key: 'country', columns: VERIFICATION_MEASURE_NAMES },
} as const;

/**
 * `verificationQueries.totals`, `.byOrganisation`, `.bySector` and `.byCountry` in one pass over the tenant's
 * verification rows instead of four: distinct verifications (passed, failed) per (organisation, sector, country),
 * grouped by the 64-bit hash of the three — a verification has one of each, so these sets are disjoint and their
 * sums are the distinct counts of every coarser table row. byOrganisation's sector and country are any of the
 * organisation's, as in `verificationQueries.byOrganisation`. Rows carry `grain` and `key`; the reader splits them
 * (and applies byOrganisation's LIMIT). No `totals` row when no verification is in scope: ask
 * `verificationQueries.totals` then.
 */
export const verificationQuery = (scope: InsightScope) =>
  `SELECT grain, key, sector, country, verifications, passed, failed,
     round(if(verifications = 0, 0, passed / verifications), 4) AS pass_rate FROM (
     SELECT grain, key, any(group_sector) AS sector, any(group_country) AS country, sum(n) AS verifications,
       sum(n_passed) AS passed, sum(n_failed) AS failed FROM (
       SELECT group_sector, group_country, n, n_passed, n_failed,
         arrayJoin([('totals', ''), ('byOrganisation', if(group_organization = '', 'anonymous', group_organization)),
           ('bySector', if(group_sector = '', 'unknown', group_sector)),
           ('byCountry', if(group_country = '', 'unknown', group_country))]) AS g,
         tupleElement(g, 1) AS grain, tupleElement(g, 2) AS key
       FROM (
         SELECT any(organization) AS group_organization, any(sector) AS group_sector, any(country) AS group_country,
           uniqExact(verification_key) AS n, uniqExactIf(verification_key, verified = 1) AS n_passed,
           uniqExactIf(verification_key, verified = 0) AS n_failed
         ${activity(scope, `(${VERIFIED})`)} GROUP BY cityHash64(organization, sector, country)
       )
     ) GROUP BY grain, key
   ) ORDER BY grain, verifications DESC, key`;

/** The `events` rows of credentials issued to a holder in scope: tenant, range and the credential filters. */
function heldIssuedInScope(scope: InsightScope): string {
  return [
    tenant(scope),
    `event_type = ${ISSUED}`,
    "recipient_key != ''",
    inRange('occurred_at', scope.filters),
    ...credentialConditions(scope),
  ].join(' AND ');
}

/**
 * The same credentials as `heldIssuedInScope`, as rows of holding_events (migration 8: issued credentials and
 * employment outcomes, narrow, sorted by tenant, type and day; holder, credential and issuer as 64-bit hashes).
 */
function heldIssuedHoldings(scope: InsightScope): string {
  return [
    tenant(scope),
    `event_type = ${ISSUED}`,
    'holder != 0',
    `day BETWEEN ${sqlDate(scope.filters.from)} AND ${sqlDate(scope.filters.to)}`,
    ...credentialConditions(scope),
  ].join(' AND ');
}

/** Every credential of the tenant issued to anyone, with its achievement, by the 64-bit hash of its id. */
function issuedAchievements(scope: InsightScope): string {
  return `SELECT credential_key, achievement_id FROM holding_events WHERE ${tenant(scope)} AND event_type = ${ISSUED}`;
}

/** holding_events rows of the tenant's employment outcomes that name a holder and a time (any date). */
const heldOutcomes = (scope: InsightScope) =>
  `FROM holding_events WHERE ${tenant(scope)} AND event_type IN ${OUTCOME_TYPES} AND holder != 0
    AND toUInt32(effective_at) > 0`;

/** holding_events rows of the tenant's employment outcomes effective in the date range. */
const outcomesInRange = (scope: InsightScope) =>
  `FROM holding_events WHERE ${tenant(scope)} AND event_type IN ${OUTCOME_TYPES}
    AND day BETWEEN ${sqlDate(scope.filters.from)} AND ${sqlDate(scope.filters.to)}`;

/** Issued credentials of the tenant in range, with their holder, filtered by the credential filters. */
function holdings(scope: InsightScope): string {
  return `SELECT recipient_key, achievement_id, credential_id, min(occurred_at) AS issued_at FROM events
    WHERE ${heldIssuedInScope(scope)} GROUP BY recipient_key, achievement_id, credential_id`;
}

/** Employment outcomes of the tenant's people (any date: an outcome may come long after the range). */
function outcomes(scope: InsightScope): string {
  return `SELECT recipient_key, any(effective_at) AS outcome_at, any(outcome) AS outcome,
      any(employer_sector) AS employer_sector, any(country) AS employer_country FROM events
    WHERE ${tenant(scope)} AND event_type IN ${OUTCOME_TYPES} AND recipient_key != '' GROUP BY event_id, recipient_key`;
}

/** Skills of each achievement of the tenant (any revision). */
function achievementSkills(scope: InsightScope): string {
  return `SELECT achievement_id, skill FROM achievement_revisions ARRAY JOIN skill_names AS skill
    WHERE ${tenant(scope)} GROUP BY achievement_id, skill`;
}

const OUTCOME_MEASURES = `count() AS recipients,
    countIf(days >= 0) AS with_outcome,
    countIf(days >= 0 AND days <= 90) AS with_outcome_90d,
    countIf(days >= 0 AND days <= 180) AS with_outcome_180d,
    round(if(count() = 0, 0, countIf(days >= 0 AND days <= 90) / count()), 4) AS share_90d,
    round(if(count() = 0, 0, countIf(days >= 0 AND days <= 180) / count()), 4) AS share_180d,
    round(avgIf(days, days >= 0), 1) AS avg_days_to_outcome`;

/** Per holder (and `grain` column), days from the first credential to the first outcome after it; -1 if none. */
function firstOutcomes(holders: string, scope: InsightScope, grain: string): string {
  const key = grain === '' ? 'recipient_key' : `recipient_key, ${grain}`;
  return `SELECT ${key}, min(issued_at) AS first_issued,
      minIf(outcome_at, toUInt32(outcome_at) >= toUInt32(issued_at) AND toUInt32(outcome_at) > 0) AS first_outcome,
      if(toUInt32(first_outcome) = 0, -1, (toInt64(toUInt32(first_outcome)) - toInt64(toUInt32(first_issued))) / 86400)
        AS days
    FROM (${holders}) ALL LEFT JOIN (${outcomes(scope)}) USING recipient_key GROUP BY ${key}`;
}

function holdingsBySkill(scope: InsightScope): string {
  return `SELECT recipient_key, skill, issued_at FROM (${holdings(scope)})
    ALL INNER JOIN (${achievementSkills(scope)}) USING achievement_id`;
}

export const employabilityQueries = {
  totals: (scope: InsightScope) => `SELECT ${OUTCOME_MEASURES} FROM (${firstOutcomes(holdings(scope), scope, '')})`,
  byAchievement: (scope: InsightScope) =>
    `SELECT achievement_id, achievement_name, recipients, with_outcome, with_outcome_90d, with_outcome_180d,
       share_90d, share_180d, avg_days_to_outcome FROM (
       SELECT achievement_id, ${OUTCOME_MEASURES} FROM (${firstOutcomes(holdings(scope), scope, 'achievement_id')})
       GROUP BY achievement_id
     ) ANY LEFT JOIN (${achievementNames(scope)}) USING achievement_id ORDER BY recipients DESC, achievement_id`,
  bySkill: (scope: InsightScope) =>
    `SELECT skill, ${OUTCOME_MEASURES} FROM (${firstOutcomes(holdingsBySkill(scope), scope, 'skill')})
     GROUP BY skill ORDER BY recipients DESC, skill LIMIT 50`,
  outcomes: (scope: InsightScope) =>
    `SELECT outcome, if(employer_sector = '', 'unknown', employer_sector) AS sector,
       if(country = '', 'unknown', country) AS country, uniqExact(event_key) AS outcomes ${outcomesInRange(scope)}
     GROUP BY outcome, sector, country ORDER BY outcomes DESC, outcome, sector, country`,
};

const OUTCOME_MEASURE_NAMES = [
  'recipients',
  'with_outcome',
  'with_outcome_90d',
  'with_outcome_180d',
  'share_90d',
  'share_180d',
  'avg_days_to_outcome',
] as const;

/** Employability tables its two queries compute together, with the column each names its group by. */
export const EMPLOYABILITY_TABLES = {
  totals: { key: undefined, columns: OUTCOME_MEASURE_NAMES, limit: undefined },
  byAchievement: { key: 'achievement_id', columns: ['achievement_name', ...OUTCOME_MEASURE_NAMES], limit: undefined },
  bySkill: { key: 'skill', columns: OUTCOME_MEASURE_NAMES, limit: 50 },
} as const;
export type EmployabilityTable = keyof typeof EMPLOYABILITY_TABLES;

/**
 * `employabilityQueries.totals`, `.byAchievement` and `.bySkill` in two queries, joined by table row (grain, key)
 * in the reader (`withOutcomes`). As one query ClickHouse would build the JOIN's right side before reading its left,
 * taking the sum of their times; run side by side they take about the longer of them.
 *  - recipients (`employabilityRecipientsQuery`): each achievement's distinct holders (uniqExact states of the
 *    hashed recipient key), merged per table row (all achievements, the achievement, every achievement aligned to
 *    the skill): fifty-odd states expanded instead of one row per holder and table;
 *  - outcomes (`employabilityOutcomesQuery`), computed per holder only for holders with an outcome at all (the
 *    others add only to recipients): a group's first outcome after one of its credentials is its holder's first
 *    outcome on or after the group's first credential, so each holder's credentials become arrays (achievement,
 *    issue time, skills), the first issue is taken per table row, and only then looked up in the holder's outcome
 *    times.
 * Rows are not deduplicated first: min and uniqExact over a redelivered copy are the same. Rows carry `grain` and
 * `key`; the reader splits them (and applies bySkill's LIMIT); `totals` rows come whatever the tables asked. No
 * `totals` row when nobody is in scope: ask `employabilityQueries.totals` then.
 */
/** Employability's recipients: distinct holders per table row, with the achievement's name, in its order. */
export function employabilityRecipientsQuery(scope: InsightScope, tables: readonly EmployabilityTable[]): string {
  return `SELECT grain, key, achievement_name, recipients FROM (
      SELECT grain, key, if(grain = 'byAchievement', key, '') AS achievement_id, recipients
      FROM (${recipientsByGrain(scope, tables, heldIssuedHoldings(scope))})
    ) ANY LEFT JOIN (${achievementNames(scope)}) USING achievement_id
    ORDER BY grain, recipients DESC, key`;
}

/** Employability's outcomes: per table row, holders with an outcome within 90 / 180 days and their days. */
export function employabilityOutcomesQuery(scope: InsightScope, tables: readonly EmployabilityTable[]): string {
  return outcomesByGrain(scope, tables, heldIssuedHoldings(scope));
}

/** With `skills` (the achievement's skills, any revision) joined to `rows` when bySkill is asked. */
function withSkillsOf(scope: InsightScope, tables: readonly EmployabilityTable[], rows: string): string {
  if (!tables.includes('bySkill')) return rows;
  return `SELECT * FROM (${rows}) ANY LEFT JOIN (SELECT achievement_id, groupUniqArray(skill) AS skills
    FROM (${achievementSkills(scope)}) GROUP BY achievement_id) USING achievement_id`;
}

/** Distinct holders per table row: each achievement's holders as one uniqExact state, merged per row. */
function recipientsByGrain(scope: InsightScope, tables: readonly EmployabilityTable[], issued: string): string {
  const grains = [
    "[('totals', '')]",
    tables.includes('byAchievement') ? "[('byAchievement', achievement_id)]" : '',
    tables.includes('bySkill') ? "arrayMap(x -> ('bySkill', x), skills)" : '',
  ].filter((grain) => grain !== '');
  const holders = `SELECT achievement_id, uniqExactState(holder) AS holders FROM holding_events
    WHERE ${issued} GROUP BY achievement_id`;
  return `SELECT grain, key, uniqExactMerge(holders) AS recipients FROM (
      SELECT holders, arrayJoin(arrayConcat(${grains.join(', ')})) AS g, tupleElement(g, 1) AS grain,
        tupleElement(g, 2) AS key
      FROM (${withSkillsOf(scope, tables, holders)})
    ) GROUP BY grain, key`;
}

/**
 * Per table row, holders with an outcome within 90 / 180 days of the row's first credential and the sum of their
 * days to it, over holders who have an outcome at all (their credentials are joined with their outcome times
 * first, and only the rows left get their achievement's skills).
 */
function outcomesByGrain(scope: InsightScope, tables: readonly EmployabilityTable[], issued: string): string {
  const withSkills = tables.includes('bySkill');
  const outcomeTimes = `SELECT holder, groupArray(toUInt32(effective_at)) AS outcome_times ${heldOutcomes(scope)}
    GROUP BY holder`;
  const firstIssue = (grain: string, key: string, holds: string) =>
    `('${grain}', ${key}, arrayReduce('min', arrayFilter((i, a, s) -> ${holds}, held_issued, held_achievements, held_skills)))`;
  const grains = [
    // Always computed: ClickHouse 18.16 drops columns only lambdas nested in arrayMap use, unless used outside too.
    `[${firstIssue('totals', "''", '1')}]`,
    tables.includes('byAchievement')
      ? `arrayMap(x -> ${firstIssue('byAchievement', 'x', 'a = x')}, arrayDistinct(held_achievements))`
      : '',
    withSkills ? `arrayMap(x -> ${firstIssue('bySkill', 'x', 'has(s, x)')}, skill_set)` : '',
  ].filter((grain) => grain !== '');
  const holdings = withSkillsOf(
    scope,
    tables,
    `SELECT * FROM (SELECT holder, achievement_id, toUInt32(occurred_at) AS issued FROM holding_events WHERE ${issued})
      ANY INNER JOIN (${outcomeTimes}) USING holder`,
  );
  return `SELECT grain, key, countIf(days >= 0) AS with_outcome,
      countIf(days >= 0 AND days <= 90) AS with_outcome_90d, countIf(days >= 0 AND days <= 180) AS with_outcome_180d,
      sumIf(days, days >= 0) AS outcome_days FROM (
      SELECT grain, key, first_issued,
        arrayReduce('min', arrayFilter(t -> t >= first_issued, outcome_times)) AS first_outcome,
        if(first_outcome = 0, -1, (toInt64(first_outcome) - toInt64(first_issued)) / 86400) AS days
      FROM (
        SELECT outcome_times, tupleElement(g, 1) AS grain, tupleElement(g, 2) AS key,
          tupleElement(g, 3) AS first_issued FROM (
          SELECT outcome_times, arrayJoin(arrayConcat(${grains.join(', ')})) AS g FROM (
            SELECT holder, any(outcome_times) AS outcome_times, groupArray(achievement_id) AS held_achievements,
              groupArray(issued) AS held_issued, groupArray(${withSkills ? 'skills' : 'emptyArrayString()'}) AS held_skills,
              ${withSkills ? 'groupUniqArrayArray(skills)' : 'emptyArrayString()'} AS skill_set
            FROM (${holdings}) GROUP BY holder
          )
        )
      )
    ) GROUP BY grain, key`;
}

function tenantProfile(scope: InsightScope): string {
  return `SELECT argMax(country, occurred_at) AS home_country, argMax(sector, occurred_at) AS home_sector
    FROM tenant_profiles WHERE ${tenant(scope)}`;
}

export const mobilityQueries = {
  home: (scope: InsightScope) => tenantProfile(scope),
  countryFlows: (scope: InsightScope) =>
    `SELECT kind, if(country = '', 'unknown', country) AS to_country, uniqExact(event_key) AS flows FROM (
       SELECT event_key, 'verification' AS kind, country ${activity(scope, `(${VERIFIED})`)}
       UNION ALL
       SELECT event_key, 'employment' AS kind, country ${outcomesInRange(scope)}
     ) GROUP BY kind, to_country ORDER BY flows DESC, kind, to_country`,
  sectorTransitions: (scope: InsightScope) =>
    `SELECT outcome, if(employer_sector = '', 'unknown', employer_sector) AS to_sector, uniqExact(event_key) AS transitions
     ${outcomesInRange(scope)} GROUP BY outcome, to_sector ORDER BY transitions DESC, outcome, to_sector`,
  /** Issuers and credentials per holder counted as 64-bit hashes: per-holder sets of numbers, not of strings. */
  stacking: (scope: InsightScope) =>
    `SELECT issuers, count() AS recipients, sum(credentials) AS credentials FROM (
       SELECT holder, uniqExact(issuer_key) AS issuers, uniqExact(credential_key) AS credentials FROM holding_events
       WHERE ${tenant(scope)} AND event_type = ${ISSUED} AND holder != 0
         AND day BETWEEN ${sqlDate(scope.filters.from)} AND ${sqlDate(scope.filters.to)}
       GROUP BY holder
     ) GROUP BY issuers ORDER BY issuers`,
};

/**
 * Verifications (activity_facts) with the achievement their credential was issued for (its issued event: a
 * credential without one has no achievement, hence no skills) and that achievement's skills. The credential
 * filters apply to the rows before grouping (the aggregates' aliases would shadow the columns they name).
 */
export const skillsDemandQuery = (scope: InsightScope) =>
  `SELECT skill, sector, country, uniqExact(verification_key) AS verifications FROM (
     SELECT verification_key, sector, country, achievement_id FROM (
       SELECT verification_key, cityHash64(any(verified_credential)) AS credential_key,
         if(any(verifier_sector) = '', 'unknown', any(verifier_sector)) AS sector,
         if(any(verifier_country) = '', 'unknown', any(verifier_country)) AS country
       FROM (SELECT verification_key, credential_id AS verified_credential, sector AS verifier_sector,
         country AS verifier_country ${activity(scope, `(${VERIFIED})`)})
       GROUP BY verification_key
     ) ANY INNER JOIN (${issuedAchievements(scope)}) USING credential_key
   ) ALL INNER JOIN (${achievementSkills(scope)}) USING achievement_id
   GROUP BY skill, sector, country ORDER BY verifications DESC, skill, sector, country LIMIT 100`;

/** Programmes' rows come in no particular order: the API sorts them by achievement (getInsight). */
export const roiQueries = {
  names: achievementNames,
  costs: (scope: InsightScope) =>
    `SELECT achievement_id, argMax(amount, entered_at) AS cost, argMax(currency, entered_at) AS currency
     FROM programme_costs WHERE ${tenant(scope)} GROUP BY achievement_id`,
  programmes: (scope: InsightScope) =>
    `SELECT achievement_id, count() AS issued,
       countIf(toUInt32(claimed_at) > 0 OR toUInt32(accepted_at) > 0) AS claimed, sum(verifications) AS verifications
     FROM (${credentialScope(scope, true, ['achievement_id', 'claimed_at', 'accepted_at', 'verifications'], false)})
     GROUP BY achievement_id`,
};
