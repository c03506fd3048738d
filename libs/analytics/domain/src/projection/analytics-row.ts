/**
 * One row of the raw `events` fact table: the envelope, plus the fields of `data` analytics needs, flattened
 * into typed columns (ClickHouse 18.16 has no JSON functions). Text columns are '' and numbers 0 when an event
 * has no such field. Never holds personal data: recipients appear only as `recipient_key` (sha256 of the
 * normalised email or DID) and `recipient_id` (an opaque account id), both blanked on erasure.
 */
export interface AnalyticsRow {
  event_id: string;
  event_type: string;
  tenant_id: string;
  source: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  /** `YYYY-MM-DD hh:mm:ss` in UTC (ClickHouse DateTime text). */
  occurred_at: string;
  /** When the fact happened in the world (claimedAt, revokedAt, startedAt...), else occurred_at. */
  effective_at: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  credential_id: string;
  issuer_id: string;
  achievement_id: string;
  achievement_revision: number;
  cohort: string;
  recipient_key: string;
  recipient_id: string;
  /** 0 (never) or `YYYY-MM-DD hh:mm:ss`. */
  valid_until: string;
  trigger_kind: string;
  reason: string;
  share_id: string;
  channel: string;
  viewer_hash: string;
  country: string;
  referrer_host: string;
  verification_id: string;
  verified: number;
  issuer_known: number;
  failure_codes: string[];
  verifier_organization: string;
  verifier_sector: string;
  outcome: string;
  employer_name: string;
  employer_sector: string;
  employer_size: string;
  course_id: string;
  course_kind: string;
  key_id: string;
  key_hash: string;
  key_scopes: string[];
  name: string;
  sector: string;
  achievement_type: string;
  skill_names: string[];
  skill_urls: string[];
  skill_frameworks: string[];
  skill_codes: string[];
  /** `data` without personal fields, as JSON. */
  payload: string;
}

/** Columns of AnalyticsRow in table order (the writer and the migrations agree on them). */
export const ANALYTICS_ROW_COLUMNS: readonly (keyof AnalyticsRow)[] = [
  'event_id',
  'event_type',
  'tenant_id',
  'source',
  'aggregate_type',
  'aggregate_id',
  'aggregate_version',
  'occurred_at',
  'effective_at',
  'topic',
  'kafka_partition',
  'kafka_offset',
  'credential_id',
  'issuer_id',
  'achievement_id',
  'achievement_revision',
  'cohort',
  'recipient_key',
  'recipient_id',
  'valid_until',
  'trigger_kind',
  'reason',
  'share_id',
  'channel',
  'viewer_hash',
  'country',
  'referrer_host',
  'verification_id',
  'verified',
  'issuer_known',
  'failure_codes',
  'verifier_organization',
  'verifier_sector',
  'outcome',
  'employer_name',
  'employer_sector',
  'employer_size',
  'course_id',
  'course_kind',
  'key_id',
  'key_hash',
  'key_scopes',
  'name',
  'sector',
  'achievement_type',
  'skill_names',
  'skill_urls',
  'skill_frameworks',
  'skill_codes',
  'payload',
];
