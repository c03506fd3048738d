/**
 * Versioned ClickHouse schema of the analytics service, applied in order at start-up by ClickHouseMigrator and
 * recorded in `schema_migrations`. Append new versions; never edit an applied one. Statements are idempotent
 * (IF NOT EXISTS) so two replicas starting together are harmless. Written for ClickHouse 18.16 and later.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

const minIf = 'AggregateFunction(minIf, DateTime, UInt8)';
const uniqIf = 'AggregateFunction(uniqExactIf, String, UInt8)';
const maxText = 'AggregateFunction(max, String)';

const EVENTS = `
CREATE TABLE IF NOT EXISTS events (
  event_id String, event_type String, tenant_id String, source String, aggregate_type String, aggregate_id String,
  aggregate_version UInt32, occurred_at DateTime, effective_at DateTime, topic String, kafka_partition UInt32,
  kafka_offset UInt64, credential_id String, issuer_id String, achievement_id String, achievement_revision UInt32,
  cohort String, recipient_key String, recipient_id String, valid_until DateTime, trigger_kind String, reason String,
  share_id String, channel String, viewer_hash String, country String, referrer_host String, verification_id String,
  verified UInt8, issuer_known UInt8, failure_codes Array(String), verifier_organization String,
  verifier_sector String, outcome String, employer_name String, employer_sector String, employer_size String,
  course_id String, course_kind String, key_id String, key_hash String, key_scopes Array(String), name String,
  sector String, achievement_type String, skill_names Array(String), skill_urls Array(String),
  skill_frameworks Array(String), skill_codes Array(String), payload String,
  ingested_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant_id, event_type, event_id)`;

const CREDENTIAL_FACTS = `
CREATE TABLE IF NOT EXISTS credential_facts (
  tenant_id String, credential_id String,
  issuer_id ${maxText}, achievement_id ${maxText}, cohort ${maxText},
  issued_at ${minIf}, valid_until AggregateFunction(max, DateTime),
  claimed_at ${minIf}, accepted_at ${minIf}, declined_at ${minIf}, revoked_at ${minIf},
  first_shared_at ${minIf}, first_viewed_at ${minIf}, first_verified_at ${minIf},
  shares ${uniqIf}, views ${uniqIf}, verifications ${uniqIf}
) ENGINE = AggregatingMergeTree() ORDER BY (tenant_id, credential_id)`;

const at = (type: string) => `minIfState(effective_at, event_type = '${type}')`;

const CREDENTIAL_FACTS_MV = `
CREATE MATERIALIZED VIEW IF NOT EXISTS credential_facts_mv TO credential_facts AS
SELECT tenant_id, credential_id,
  maxState(issuer_id) AS issuer_id, maxState(achievement_id) AS achievement_id, maxState(cohort) AS cohort,
  ${at('credential.issued.v1')} AS issued_at, maxState(valid_until) AS valid_until,
  ${at('credential.claimed.v1')} AS claimed_at, ${at('credential.accepted.v1')} AS accepted_at,
  ${at('credential.declined.v1')} AS declined_at, ${at('credential.revoked.v1')} AS revoked_at,
  ${at('share.created.v1')} AS first_shared_at, ${at('share.viewed.v1')} AS first_viewed_at,
  ${at('credential.verified.v1')} AS first_verified_at,
  uniqExactIfState(share_id, event_type = 'share.created.v1') AS shares,
  uniqExactIfState(event_id, event_type = 'share.viewed.v1') AS views,
  uniqExactIfState(event_id, event_type = 'credential.verified.v1') AS verifications
FROM events WHERE credential_id != '' GROUP BY tenant_id, credential_id`;

const API_KEY_EVENTS = `
CREATE TABLE IF NOT EXISTS api_key_events (
  key_id String, event_id String, event_type String, tenant_id String, key_hash String, key_scopes Array(String),
  occurred_at DateTime
) ENGINE = ReplacingMergeTree() ORDER BY (key_id, event_id)`;

const API_KEY_EVENTS_MV = `
CREATE MATERIALIZED VIEW IF NOT EXISTS api_key_events_mv TO api_key_events AS
SELECT key_id, event_id, event_type, tenant_id, key_hash, key_scopes, occurred_at FROM events
WHERE event_type IN ('api-key.created.v1', 'api-key.revoked.v1')`;

const DIMENSION_VIEWS = [
  `CREATE VIEW IF NOT EXISTS tenants AS
   SELECT tenant_id, argMax(name, occurred_at) AS name, argMax(country, occurred_at) AS country,
     argMax(sector, occurred_at) AS sector, min(occurred_at) AS created_at
   FROM events WHERE event_type = 'tenant.created.v1' GROUP BY tenant_id`,
  `CREATE VIEW IF NOT EXISTS issuers AS
   SELECT tenant_id, issuer_id, argMax(name, occurred_at) AS name, min(occurred_at) AS created_at
   FROM events WHERE event_type = 'issuer.created.v1' GROUP BY tenant_id, issuer_id`,
  `CREATE VIEW IF NOT EXISTS achievements AS
   SELECT tenant_id, achievement_id,
     argMaxIf(issuer_id, achievement_revision, event_type != 'achievement.archived.v1') AS issuer_id,
     argMaxIf(name, achievement_revision, event_type != 'achievement.archived.v1') AS name,
     argMaxIf(achievement_type, achievement_revision, event_type != 'achievement.archived.v1') AS achievement_type,
     max(achievement_revision) AS revision,
     max(event_type = 'achievement.archived.v1') AS archived,
     minIf(occurred_at, event_type = 'achievement.created.v1') AS created_at
   FROM events
   WHERE event_type IN ('achievement.created.v1', 'achievement.revised.v1', 'achievement.archived.v1')
   GROUP BY tenant_id, achievement_id`,
  `CREATE VIEW IF NOT EXISTS achievement_skills AS
   SELECT tenant_id, achievement_id, achievement_revision AS revision, skill_name, skill_url,
     any(framework) AS skill_framework, any(code) AS skill_code
   FROM events
   ARRAY JOIN skill_names AS skill_name, skill_urls AS skill_url, skill_frameworks AS framework, skill_codes AS code
   WHERE event_type IN ('achievement.created.v1', 'achievement.revised.v1')
     AND (tenant_id, achievement_id, achievement_revision) IN (
       SELECT tenant_id, achievement_id, max(achievement_revision) FROM events
       WHERE event_type IN ('achievement.created.v1', 'achievement.revised.v1') GROUP BY tenant_id, achievement_id)
   GROUP BY tenant_id, achievement_id, revision, skill_name, skill_url`,
  `CREATE VIEW IF NOT EXISTS credentials AS
   SELECT tenant_id, credential_id, maxMerge(issuer_id) AS issuer_id, maxMerge(achievement_id) AS achievement_id,
     maxMerge(cohort) AS cohort, minIfMerge(issued_at) AS issued_at, maxMerge(valid_until) AS valid_until,
     minIfMerge(claimed_at) AS claimed_at, minIfMerge(accepted_at) AS accepted_at,
     minIfMerge(declined_at) AS declined_at, minIfMerge(revoked_at) AS revoked_at,
     minIfMerge(first_shared_at) AS first_shared_at, minIfMerge(first_viewed_at) AS first_viewed_at,
     minIfMerge(first_verified_at) AS first_verified_at, uniqExactIfMerge(shares) AS shares,
     uniqExactIfMerge(views) AS views, uniqExactIfMerge(verifications) AS verifications
   FROM credential_facts GROUP BY tenant_id, credential_id`,
  `CREATE VIEW IF NOT EXISTS credential_holders AS
   SELECT tenant_id, credential_id, any(recipient_key) AS recipient_key, any(achievement_id) AS achievement_id,
     any(issuer_id) AS issuer_id, min(occurred_at) AS issued_at
   FROM events WHERE event_type = 'credential.issued.v1' GROUP BY tenant_id, credential_id`,
  `CREATE VIEW IF NOT EXISTS share_links AS
   SELECT tenant_id, share_id, anyIf(credential_id, event_type = 'share.created.v1') AS credential_id,
     anyIf(channel, event_type = 'share.created.v1') AS channel,
     minIf(occurred_at, event_type = 'share.created.v1') AS created_at,
     max(event_type = 'share.revoked.v1') AS revoked
   FROM events WHERE event_type IN ('share.created.v1', 'share.revoked.v1') GROUP BY tenant_id, share_id`,
  `CREATE VIEW IF NOT EXISTS share_views AS
   SELECT tenant_id, event_id, any(share_id) AS share_id, any(credential_id) AS credential_id,
     any(channel) AS channel, any(viewer_hash) AS viewer_hash, any(country) AS country,
     any(referrer_host) AS referrer_host, any(occurred_at) AS viewed_at
   FROM events WHERE event_type = 'share.viewed.v1' GROUP BY tenant_id, event_id`,
  `CREATE VIEW IF NOT EXISTS verifications AS
   SELECT tenant_id, verification_id, any(credential_id) AS credential_id, any(verified) AS verified,
     any(issuer_known) AS issuer_known, any(failure_codes) AS failure_codes, any(channel) AS channel,
     any(verifier_organization) AS verifier_organization, any(verifier_sector) AS verifier_sector,
     any(country) AS verifier_country, any(occurred_at) AS verified_at
   FROM events WHERE event_type = 'credential.verified.v1' GROUP BY tenant_id, verification_id`,
  `CREATE VIEW IF NOT EXISTS verifier_organisations AS
   SELECT tenant_id, verifier_organization AS organization, any(verifier_sector) AS sector,
     any(country) AS country, uniqExact(verification_id) AS verifications, min(occurred_at) AS first_seen_at
   FROM events WHERE event_type = 'credential.verified.v1' AND verifier_organization != ''
   GROUP BY tenant_id, verifier_organization`,
  `CREATE VIEW IF NOT EXISTS employment_outcomes AS
   SELECT tenant_id, event_id, any(outcome) AS outcome, any(recipient_key) AS recipient_key,
     any(employer_name) AS employer_name, any(employer_sector) AS employer_sector,
     any(country) AS employer_country, any(employer_size) AS employer_size, any(effective_at) AS outcome_at
   FROM events WHERE event_type IN ('person.hired.v1', 'person.promoted.v1') GROUP BY tenant_id, event_id`,
  `CREATE VIEW IF NOT EXISTS learning_completions AS
   SELECT tenant_id, event_id, any(recipient_key) AS recipient_key, any(course_id) AS course_id,
     any(course_kind) AS course_kind, any(cohort) AS cohort, any(effective_at) AS completed_at
   FROM events WHERE event_type = 'learning.completed.v1' GROUP BY tenant_id, event_id`,
];

/**
 * A change counter per tenant: rows inserted into `events` and the sum of their ingestion seconds. Both only grow
 * with every insert (duplicates included), so an insight computed at one value is still the answer while the value
 * is unchanged; the API's result cache keys on it (CachedInsightsReader).
 */
const TENANT_VERSIONS = `
CREATE TABLE IF NOT EXISTS tenant_versions (tenant_id String, rows UInt64, ingested_seconds UInt64)
ENGINE = SummingMergeTree() ORDER BY tenant_id`;

const TENANT_VERSIONS_MV = `
CREATE MATERIALIZED VIEW IF NOT EXISTS tenant_versions_mv TO tenant_versions AS
SELECT tenant_id, count() AS rows, sum(toUInt64(toUInt32(ingested_at))) AS ingested_seconds
FROM events GROUP BY tenant_id`;

/**
 * Daily rollups for the dashboards, kept by materialized views from `events`. They hold only `uniq` states of
 * ids: merging the same id twice changes nothing, so redelivered events cannot double count and no FINAL is
 * needed. `uniq` is exact up to 65 536 distinct values per answer and approximate beyond (docs/analytics.md).
 * The closing INSERT fills them from events stored before the view existed (idempotent for the same reason).
 */
const approxUniqIf = 'AggregateFunction(uniqIf, String, UInt8)';
const SHARE_TYPES = "('share.created.v1', 'share.viewed.v1')";
const SHARE_ACTIVITY_SELECT = `
SELECT tenant_id, toDate(occurred_at) AS day, channel, country,
  uniqIfState(share_id, event_type = 'share.created.v1') AS share_ids,
  uniqIfState(event_id, event_type = 'share.viewed.v1') AS view_ids,
  uniqIfState(event_id, event_type = 'share.viewed.v1' AND share_id != '') AS view_ids_via_shares,
  uniqIfState(viewer_hash, event_type = 'share.viewed.v1') AS viewer_hashes,
  uniqIfState(viewer_hash, event_type = 'share.viewed.v1' AND share_id != '') AS viewer_hashes_via_shares
FROM events WHERE event_type IN ${SHARE_TYPES} GROUP BY tenant_id, day, channel, country`;
const VERIFICATION_SELECT = `
SELECT tenant_id, toDate(occurred_at) AS day, verifier_organization AS organization, verifier_sector AS sector,
  country, verified, uniqState(verification_id) AS verification_ids
FROM events WHERE event_type = 'credential.verified.v1'
GROUP BY tenant_id, day, organization, sector, country, verified`;
const FAILURE_SELECT = `
SELECT tenant_id, toDate(occurred_at) AS day, code, uniqState(verification_id) AS verification_ids
FROM events ARRAY JOIN failure_codes AS code WHERE event_type = 'credential.verified.v1'
GROUP BY tenant_id, day, code`;

const ROLLUPS = [
  `CREATE TABLE IF NOT EXISTS share_activity_daily (
     tenant_id String, day Date, channel String, country String, share_ids ${approxUniqIf},
     view_ids ${approxUniqIf}, view_ids_via_shares ${approxUniqIf}, viewer_hashes ${approxUniqIf},
     viewer_hashes_via_shares ${approxUniqIf}
   ) ENGINE = AggregatingMergeTree() PARTITION BY toYYYYMM(day) ORDER BY (tenant_id, day, channel, country)`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS share_activity_daily_mv TO share_activity_daily AS ${SHARE_ACTIVITY_SELECT}`,
  `INSERT INTO share_activity_daily ${SHARE_ACTIVITY_SELECT}`,
  `CREATE TABLE IF NOT EXISTS verification_daily (
     tenant_id String, day Date, organization String, sector String, country String, verified UInt8,
     verification_ids AggregateFunction(uniq, String)
   ) ENGINE = AggregatingMergeTree() PARTITION BY toYYYYMM(day)
   ORDER BY (tenant_id, day, organization, sector, country, verified)`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS verification_daily_mv TO verification_daily AS ${VERIFICATION_SELECT}`,
  `INSERT INTO verification_daily ${VERIFICATION_SELECT}`,
  `CREATE TABLE IF NOT EXISTS verification_failures_daily (
     tenant_id String, day Date, code String, verification_ids AggregateFunction(uniq, String)
   ) ENGINE = AggregatingMergeTree() PARTITION BY toYYYYMM(day) ORDER BY (tenant_id, day, code)`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS verification_failures_daily_mv TO verification_failures_daily AS ${FAILURE_SELECT}`,
  `INSERT INTO verification_failures_daily ${FAILURE_SELECT}`,
];

/**
 * Share, view and verification events in a narrow table sorted by (tenant_id, event_type, day): the reach and
 * verification insights read only the columns they count, over one tenant's days, with their ids hashed to UInt64
 * (`uniqExact` over numbers is several times cheaper than over strings; a collision needs ~2^32 ids in one
 * answer). Exact distinct counts replace the approximate `uniq` rollups of migration 6, which are dropped (their
 * views cost every insert). Redelivered rows are counted once by `uniqExact` and merged away by the engine.
 */
const ACTIVITY_TYPES = "('share.created.v1', 'share.viewed.v1', 'credential.verified.v1')";
const ACTIVITY_SELECT = `
SELECT tenant_id, event_type, toDate(occurred_at) AS day, cityHash64(event_id) AS event_key, credential_id,
  cityHash64(share_id) AS share_key, share_id != '' AS has_share, channel, country,
  cityHash64(viewer_hash) AS viewer_key, cityHash64(verification_id) AS verification_key, verified,
  verifier_organization AS organization, verifier_sector AS sector, failure_codes
FROM events WHERE event_type IN ${ACTIVITY_TYPES}`;

const ACTIVITY = [
  `CREATE TABLE IF NOT EXISTS activity_events (
     tenant_id String, event_type String, day Date, event_key UInt64, credential_id String, share_key UInt64,
     has_share UInt8, channel String, country String, viewer_key UInt64, verification_key UInt64, verified UInt8,
     organization String, sector String, failure_codes Array(String)
   ) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(day) ORDER BY (tenant_id, event_type, day, event_key)`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS activity_events_mv TO activity_events AS ${ACTIVITY_SELECT}`,
  `INSERT INTO activity_events ${ACTIVITY_SELECT}`,
  'DROP TABLE IF EXISTS share_activity_daily_mv',
  'DROP TABLE IF EXISTS share_activity_daily',
  'DROP TABLE IF EXISTS verification_daily_mv',
  'DROP TABLE IF EXISTS verification_daily',
  'DROP TABLE IF EXISTS verification_failures_daily_mv',
  'DROP TABLE IF EXISTS verification_failures_daily',
];

/**
 * Issued credentials and employment outcomes in a narrow table sorted by (tenant_id, event_type, day, event_key):
 * employability, mobility, skills and the most shared achievements read the few columns they need from one tenant's
 * slice instead of the wide `events` rows, with the holder (recipient key), credential, issuer and event ids as
 * 64-bit hashes (sets, groups and joins of numbers, not of strings; a collision needs ~2^32 ids in one answer).
 * `day` is the occurrence date for credentials and the effective date for outcomes. `holder` is 0 when the
 * event names nobody; an erasure sets it to 0 as it blanks `events.recipient_key`
 * (ClickHouseEventWriter.blankRecipients). Redelivered rows are counted once by uniqExact / min / GROUP BY and
 * merged away by the engine. Not partitioned: a tenant's slice is small, and every part costs its own file reads
 * (an insert spanning months made a part per month; 64 parts of the benchmark's data read in 3× the time of 5).
 */
const HOLDING_TYPES = "('credential.issued.v1', 'person.hired.v1', 'person.promoted.v1')";
const HOLDING_SELECT = `
SELECT tenant_id, event_type,
  toDate(if(event_type IN ('person.hired.v1', 'person.promoted.v1'), effective_at, occurred_at)) AS day,
  occurred_at, effective_at, cityHash64(event_id) AS event_key, cityHash64(credential_id) AS credential_key,
  if(recipient_key = '', toUInt64(0), cityHash64(recipient_key)) AS holder, cityHash64(issuer_id) AS issuer_key,
  issuer_id, achievement_id, cohort, outcome, employer_sector, country
FROM events WHERE event_type IN ${HOLDING_TYPES}`;

/**
 * The achievement and tenant events (names, revisions, skill alignments, a tenant's country and sector) in two
 * small tables sorted by tenant: insights look a tenant's few achievements up here instead of scanning its slice
 * of `events`, where every part costs at least one 8,192-row granule per tenant and type. Small granules (index
 * granularity 256 / 1,024) keep a tenant's slice of each part small too.
 */
const ACHIEVEMENT_SELECT = `
SELECT tenant_id, achievement_id, event_type, cityHash64(event_id) AS event_key, achievement_revision, name,
  skill_names, skill_urls
FROM events WHERE event_type IN ('achievement.created.v1', 'achievement.revised.v1')`;
const TENANT_SELECT = `
SELECT tenant_id, cityHash64(event_id) AS event_key, occurred_at, country, sector
FROM events WHERE event_type = 'tenant.created.v1'`;

/**
 * activity_events again, not partitioned (migration 7 partitioned it by month: every insert spanning months made a
 * part per month, and a tenant's slice of each part costs its own file reads — reach, verifications and skills
 * spent 15–30 % less CPU on the benchmark's data in 10 unpartitioned parts than in 32 monthly ones). Filled like
 * activity_events (a view, then the events already stored), which is then dropped; queries read activity_facts.
 */
const ACTIVITY_FACTS = [
  `CREATE TABLE IF NOT EXISTS activity_facts (
     tenant_id String, event_type String, day Date, event_key UInt64, credential_id String, share_key UInt64,
     has_share UInt8, channel String, country String, viewer_key UInt64, verification_key UInt64, verified UInt8,
     organization String, sector String, failure_codes Array(String)
   ) ENGINE = ReplacingMergeTree() ORDER BY (tenant_id, event_type, day, event_key)`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS activity_facts_mv TO activity_facts AS ${ACTIVITY_SELECT}`,
  `INSERT INTO activity_facts ${ACTIVITY_SELECT}`,
  'DROP TABLE IF EXISTS activity_events_mv',
  'DROP TABLE IF EXISTS activity_events',
];

const HOLDINGS = [
  `CREATE TABLE IF NOT EXISTS holding_events (
     tenant_id String, event_type String, day Date, occurred_at DateTime, effective_at DateTime, event_key UInt64,
     credential_key UInt64, holder UInt64, issuer_key UInt64, issuer_id String, achievement_id String, cohort String,
     outcome String, employer_sector String, country String
   ) ENGINE = ReplacingMergeTree() ORDER BY (tenant_id, event_type, day, event_key) SETTINGS index_granularity = 1024`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS holding_events_mv TO holding_events AS ${HOLDING_SELECT}`,
  `INSERT INTO holding_events ${HOLDING_SELECT}`,
  `CREATE TABLE IF NOT EXISTS achievement_revisions (
     tenant_id String, achievement_id String, event_type String, event_key UInt64, achievement_revision UInt32,
     name String, skill_names Array(String), skill_urls Array(String)
   ) ENGINE = ReplacingMergeTree() ORDER BY (tenant_id, achievement_id, event_type, event_key)
   SETTINGS index_granularity = 256`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS achievement_revisions_mv TO achievement_revisions AS ${ACHIEVEMENT_SELECT}`,
  `INSERT INTO achievement_revisions ${ACHIEVEMENT_SELECT}`,
  `CREATE TABLE IF NOT EXISTS tenant_profiles (
     tenant_id String, event_key UInt64, occurred_at DateTime, country String, sector String
   ) ENGINE = ReplacingMergeTree() ORDER BY (tenant_id, event_key) SETTINGS index_granularity = 256`,
  `CREATE MATERIALIZED VIEW IF NOT EXISTS tenant_profiles_mv TO tenant_profiles AS ${TENANT_SELECT}`,
  `INSERT INTO tenant_profiles ${TENANT_SELECT}`,
];

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'raw events and credential facts', statements: [EVENTS, CREDENTIAL_FACTS, CREDENTIAL_FACTS_MV] },
  { version: 2, name: 'api key directory', statements: [API_KEY_EVENTS, API_KEY_EVENTS_MV] },
  {
    version: 3,
    name: 'erasure list and programme costs',
    statements: [
      `CREATE TABLE IF NOT EXISTS erased_recipients (hash String, erased_at DateTime)
       ENGINE = ReplacingMergeTree() ORDER BY hash`,
      `CREATE TABLE IF NOT EXISTS programme_costs (
         tenant_id String, achievement_id String, amount Float64, currency String, entered_at DateTime
       ) ENGINE = ReplacingMergeTree(entered_at) ORDER BY (tenant_id, achievement_id)`,
    ],
  },
  { version: 4, name: 'dimension and fact views for analysts', statements: DIMENSION_VIEWS },
  { version: 5, name: 'tenant change counters', statements: [TENANT_VERSIONS, TENANT_VERSIONS_MV] },
  { version: 6, name: 'daily share and verification rollups', statements: ROLLUPS },
  { version: 7, name: 'narrow activity events replace the approximate rollups', statements: ACTIVITY },
  {
    version: 8,
    name: 'narrow holdings, achievements and tenant profiles; unpartitioned activity',
    statements: [...HOLDINGS, ...ACTIVITY_FACTS],
  },
];

export const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime)
ENGINE = ReplacingMergeTree(applied_at) ORDER BY version`;
