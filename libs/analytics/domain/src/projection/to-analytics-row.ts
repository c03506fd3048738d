import type { EventEnvelope } from '@credstream/contracts';
import type { AnalyticsRow } from './analytics-row';

/** Where a record sat on Kafka. */
export interface KafkaPosition {
  topic: string;
  partition: number;
  offset: string;
}

/** A request to forget a recipient: what `recipient.erased.v1` asks of analytics. */
export interface Erasure {
  recipientId: string;
  recipientKeys: string[];
}

export interface ProjectedEvent {
  row: AnalyticsRow;
  erasure?: Erasure;
}

/** sha256 hex of a normalised (trimmed, lower-cased) identity; passed in so this module stays pure. */
export type RecipientKeyOf = (normalisedIdentity: string) => string;

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const int = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0);
const obj = (value: unknown): Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const UTC_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/** ISO-8601 → ClickHouse DateTime text in UTC (second precision); '' for anything unparsable. */
export function toClickHouseDateTime(iso: string): string {
  // Most date-times are RFC 3339 in UTC with a day every month has: cut the text instead of parsing a Date.
  if (UTC_DATE_TIME.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return '';
  return new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
}

const NEVER = '0000-00-00 00:00:00';

function emptyRow(event: EventEnvelope, position: KafkaPosition): AnalyticsRow {
  const occurredAt = toClickHouseDateTime(event.occurredAt) || NEVER;
  return {
    event_id: event.id,
    event_type: event.type,
    tenant_id: event.tenantId,
    source: event.source,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    aggregate_version: event.aggregateVersion,
    occurred_at: occurredAt,
    effective_at: occurredAt,
    topic: position.topic,
    kafka_partition: position.partition,
    kafka_offset: position.offset,
    credential_id: '',
    issuer_id: '',
    achievement_id: '',
    achievement_revision: 0,
    cohort: '',
    recipient_key: '',
    recipient_id: '',
    valid_until: NEVER,
    trigger_kind: '',
    reason: '',
    share_id: '',
    channel: '',
    viewer_hash: '',
    country: '',
    referrer_host: '',
    verification_id: '',
    verified: 0,
    issuer_known: 0,
    failure_codes: [],
    verifier_organization: '',
    verifier_sector: '',
    outcome: '',
    employer_name: '',
    employer_sector: '',
    employer_size: '',
    course_id: '',
    course_kind: '',
    key_id: '',
    key_hash: '',
    key_scopes: [],
    name: '',
    sector: '',
    achievement_type: '',
    skill_names: [],
    skill_urls: [],
    skill_frameworks: [],
    skill_codes: [],
    payload: '{}',
  };
}

function effective(row: AnalyticsRow, iso: unknown): string {
  return toClickHouseDateTime(text(iso)) || row.occurred_at;
}

/**
 * Flattens a valid integration event into a raw `events` row. Only fields listed here reach ClickHouse: the
 * payload is rebuilt from an allow-list per type, so e-mails, names, JWTs and salts never leave this function.
 */
export function toAnalyticsRow(
  event: EventEnvelope,
  position: KafkaPosition,
  recipientKeyOf: RecipientKeyOf,
): ProjectedEvent {
  const row = emptyRow(event, position);
  const data = obj(event.data);
  switch (event.type) {
    case 'tenant.created.v1':
      return keep(
        row,
        { name: text(data['name']), country: text(data['country']), sector: text(data['sector']) },
        data,
        ['name', 'country', 'sector'],
      );
    case 'api-key.created.v1':
      return keep(
        row,
        {
          key_id: text(data['keyId']),
          key_hash: text(data['hash']),
          key_scopes: arr(data['scopes']).map(text),
        },
        data,
        ['keyId', 'scopes'],
      );
    case 'api-key.revoked.v1':
      return keep(row, { key_id: text(data['keyId']) }, data, ['keyId']);
    case 'issuer.created.v1':
      return keep(row, { issuer_id: text(data['issuerId']), name: text(data['name']) }, data, [
        'issuerId',
        'did',
        'name',
        'url',
      ]);
    case 'issuer.key-activated.v1':
      return keep(row, { issuer_id: text(data['issuerId']) }, data, ['issuerId', 'kid', 'alg', 'replacesKid']);
    case 'achievement.created.v1':
    case 'achievement.revised.v1':
      return achievementRow(row, data);
    case 'achievement.archived.v1':
      return keep(row, { achievement_id: text(data['achievementId']) }, data, ['achievementId']);
    case 'credential.issued.v1':
      return issuedRow(row, data);
    case 'credential.revoked.v1':
      return keep(
        row,
        {
          credential_id: text(data['credentialId']),
          reason: text(data['reason']),
          effective_at: effective(row, data['revokedAt']),
        },
        data,
        ['credentialId', 'revokedAt', 'reason'],
      );
    case 'credential.claimed.v1':
      return keep(
        row,
        {
          credential_id: text(data['credentialId']),
          recipient_id: text(data['recipientId']),
          effective_at: effective(row, data['claimedAt']),
        },
        data,
        ['credentialId', 'claimedAt'],
      );
    case 'credential.accepted.v1':
    case 'credential.declined.v1':
      return keep(row, { credential_id: text(data['credentialId']), recipient_id: text(data['recipientId']) }, data, [
        'credentialId',
      ]);
    case 'recipient.erased.v1':
      return {
        ...keep(row, {}, data, []),
        erasure: { recipientId: text(data['recipientId']), recipientKeys: arr(data['recipientKeys']).map(text) },
      };
    case 'share.created.v1':
      return keep(
        row,
        {
          share_id: text(data['shareId']),
          credential_id: text(data['credentialId']),
          recipient_id: text(data['recipientId']),
          channel: text(data['channel']),
        },
        data,
        ['shareId', 'credentialId', 'channel', 'expiresAt'],
      );
    case 'share.revoked.v1':
      return keep(row, { share_id: text(data['shareId']) }, data, ['shareId']);
    case 'share.viewed.v1':
      return keep(
        row,
        {
          share_id: text(data['shareId']),
          credential_id: text(data['credentialId']),
          channel: text(data['channel']),
          viewer_hash: text(data['viewerHash']),
          country: text(data['country']),
          referrer_host: text(data['referrerHost']),
        },
        data,
        ['shareId', 'credentialId', 'channel', 'country', 'referrerHost'],
      );
    case 'credential.verified.v1':
      return verifiedRow(row, data);
    case 'learning.completed.v1':
      return learningRow(row, data, recipientKeyOf);
    case 'person.hired.v1':
    case 'person.promoted.v1':
      return employmentRow(row, data, event.type === 'person.hired.v1' ? 'hired' : 'promoted');
    default:
      // A type analytics does not know yet: kept as an envelope only (its data may hold anything).
      return { row };
  }
}

/** Fills the fresh `row` in place (this runs for every event: no copies) and sets the allow-listed payload. */
function keep(row: AnalyticsRow, fields: Partial<AnalyticsRow>, data: Data, allowed: string[]): ProjectedEvent {
  const payload: Data = {};
  for (const key of allowed) if (data[key] !== undefined) payload[key] = data[key];
  Object.assign(row, fields);
  row.payload = JSON.stringify(payload);
  return { row };
}

function achievementRow(row: AnalyticsRow, data: Data): ProjectedEvent {
  const alignments = arr(data['alignments']).map(obj);
  return keep(
    row,
    {
      achievement_id: text(data['achievementId']),
      issuer_id: text(data['issuerId']),
      achievement_revision: int(data['revision']),
      name: text(data['name']),
      achievement_type: text(data['achievementType']),
      skill_names: alignments.map((a) => text(a['targetName'])),
      skill_urls: alignments.map((a) => text(a['targetUrl'])),
      skill_frameworks: alignments.map((a) => text(a['targetFramework'])),
      skill_codes: alignments.map((a) => text(a['targetCode'])),
    },
    data,
    ['achievementId', 'issuerId', 'revision', 'name', 'achievementType', 'tags', 'alignments', 'creditsAvailable'],
  );
}

function issuedRow(row: AnalyticsRow, data: Data): ProjectedEvent {
  const recipient = obj(data['recipient']);
  const validUntil = toClickHouseDateTime(text(data['validUntil']));
  return keep(
    row,
    {
      credential_id: text(data['credentialId']),
      issuer_id: text(data['issuerId']),
      achievement_id: text(data['achievementId']),
      achievement_revision: int(data['achievementRevision']),
      cohort: text(data['cohort']),
      recipient_key: text(recipient['recipientKey']),
      valid_until: validUntil || NEVER,
      trigger_kind: text(obj(data['trigger'])['kind']),
    },
    data,
    [
      'credentialId',
      'issuerId',
      'issuerDid',
      'achievementId',
      'achievementRevision',
      'validFrom',
      'validUntil',
      'cohort',
    ],
  );
}

function verifiedRow(row: AnalyticsRow, data: Data): ProjectedEvent {
  const checks = arr(data['checks']).map(obj);
  const verifier = obj(data['verifier']);
  const failures = checks
    .filter((check) => check['status'] === 'failed')
    .map((check) => text(check['code']) || `${text(check['name'])}_failed`.toUpperCase());
  return keep(
    row,
    {
      verification_id: text(data['verificationId']),
      credential_id: text(data['credentialId']),
      verified: data['verified'] === true ? 1 : 0,
      issuer_known: data['issuerKnown'] === true ? 1 : 0,
      channel: text(data['channel']),
      failure_codes: failures,
      verifier_organization: text(verifier['organization']),
      verifier_sector: text(verifier['sector']),
      country: text(verifier['country']),
    },
    data,
    ['verificationId', 'credentialId', 'issuerDid', 'issuerKnown', 'verified', 'checks', 'channel', 'verifier'],
  );
}

function learningRow(row: AnalyticsRow, data: Data, recipientKeyOf: RecipientKeyOf): ProjectedEvent {
  const email = text(obj(data['learner'])['email']).trim().toLowerCase();
  const course = obj(data['course']);
  return keep(
    row,
    {
      recipient_key: email ? recipientKeyOf(email) : '',
      course_id: text(course['id']),
      course_kind: text(course['kind']),
      cohort: text(data['cohort']),
      effective_at: effective(row, data['completedAt']),
    },
    data,
    ['course', 'completedAt', 'cohort'],
  );
}

function employmentRow(row: AnalyticsRow, data: Data, outcome: 'hired' | 'promoted'): ProjectedEvent {
  const employer = obj(data['employer']);
  return keep(
    row,
    {
      outcome,
      recipient_key: text(obj(data['person'])['recipientKey']),
      employer_name: text(employer['name']),
      employer_sector: text(employer['sector']),
      country: text(employer['country']),
      employer_size: text(employer['size']),
      effective_at: effective(row, data[outcome === 'hired' ? 'startedAt' : 'promotedAt']),
    },
    data,
    ['employer', outcome === 'hired' ? 'startedAt' : 'promotedAt'],
  );
}
