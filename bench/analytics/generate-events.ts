import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@credstream/contracts';

const id = (prefix: number, n: number) =>
  `01932c8e-0000-7000-${prefix.toString(16).padStart(4, '0')}-${n.toString(16).padStart(12, '0')}`;
const hex = (n: number) => n.toString(16).padStart(64, '0');
const COUNTRIES = ['PT', 'DE', 'GB', 'US', 'NL', 'FR'];
const CHANNELS = ['linkedin', 'email', 'x', 'direct'];

function base(type: string, source: string, aggregateType: string, tenantId: string, aggregateId: string, at: string) {
  return {
    id: uuidv7(),
    type,
    source,
    aggregateType,
    aggregateId,
    aggregateVersion: 1,
    tenantId,
    occurredAt: at,
    correlationId: 'bench',
    causationId: null,
  };
}

/**
 * A realistic mix for the ingest measurement: per credential one issue, a claim, a share, 3 views and a
 * verification (7 events), over `tenants` tenants.
 */
export function ingestEvents(count: number, tenants = 10): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  const at = new Date().toISOString();
  for (let c = 0; events.length < count; c += 1) {
    const tenantId = `ingest-${c % tenants}`;
    const credentialId = id(1, c);
    const shareId = id(2, c);
    events.push({
      ...base('credential.issued.v1', 'issuance', 'credential', tenantId, credentialId, at),
      data: {
        credentialId,
        issuerId: id(3, c % tenants),
        issuerDid: 'did:web:bench',
        achievementId: id(4, c % 50),
        achievementRevision: 1,
        recipient: { identityType: 'emailAddress', identityHash: `sha256$${hex(c)}`, recipientKey: hex(c) },
        validFrom: at,
        validUntil: null,
        jwt: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
        trigger: { kind: 'bulk' },
        cohort: '2026-spring',
      },
    });
    events.push({
      ...base('credential.claimed.v1', 'sharing', 'recipient', tenantId, id(5, c), at),
      data: { credentialId, recipientId: id(5, c), claimedAt: at },
    });
    events.push({
      ...base('share.created.v1', 'sharing', 'share', tenantId, shareId, at),
      data: { shareId, credentialId, recipientId: id(5, c), channel: CHANNELS[c % 4], expiresAt: null },
    });
    for (let v = 0; v < 3; v += 1) {
      events.push({
        ...base('share.viewed.v1', 'sharing', 'share', tenantId, shareId, at),
        data: {
          shareId,
          credentialId,
          channel: CHANNELS[c % 4],
          viewerHash: hex(c * 3 + v),
          country: COUNTRIES[(c + v) % 6],
          referrerHost: null,
        },
      });
    }
    events.push({
      ...base('credential.verified.v1', 'verification', 'verification', tenantId, id(6, c), at),
      data: {
        verificationId: id(6, c),
        credentialId,
        issuerDid: 'did:web:bench',
        issuerKnown: true,
        verified: c % 7 !== 0,
        checks: [{ name: 'signature', status: c % 7 !== 0 ? 'passed' : 'failed', code: 'SIGNATURE_INVALID' }],
        channel: 'api',
        verifier: {
          organization: `Employer ${c % 40}`,
          sector: ['finance', 'information-technology', 'health'][c % 3],
          country: COUNTRIES[c % 6],
        },
      },
    });
  }
  return events.slice(0, count);
}

/**
 * `INSERT ... SELECT` generating `rows` events server-side over `tenants` tenants and one year: blocks of 100
 * events share a tenant and 20 credentials (20 issued, 10 claimed, 10 shares, 40 views, 12 verifications, 3
 * revocations, 3 hires/promotions, 2 completions). Achievements and tenants come from `dimensionEvents`.
 */
export function generateEventsSql(rows: number, tenants: number, offset = 0, limit = rows): string {
  const kind = 'number % 100';
  const credential = "concat('c', toString(intDiv(number, 100)), '-', toString(number % 20))";
  return `INSERT INTO events (event_id, event_type, tenant_id, source, aggregate_type, aggregate_id, aggregate_version,
      occurred_at, effective_at, topic, kafka_partition, kafka_offset, credential_id, issuer_id, achievement_id,
      achievement_revision, cohort, recipient_key, recipient_id, valid_until, share_id, channel, viewer_hash, country,
      verification_id, verified, issuer_known, failure_codes, verifier_organization, verifier_sector, outcome,
      employer_name, employer_sector, payload)
    SELECT toString(generateUUIDv4()) AS event_id,
      multiIf(k < 20, 'credential.issued.v1', k < 30, 'credential.claimed.v1', k < 40, 'share.created.v1',
        k < 80, 'share.viewed.v1', k < 92, 'credential.verified.v1', k < 95, 'credential.revoked.v1',
        k < 97, 'person.hired.v1', k < 98, 'person.promoted.v1', 'learning.completed.v1') AS event_type,
      concat('bench-', toString(intDiv(number, 100) % ${tenants})) AS tenant_id, 'bench' AS source, 'x' AS aggregate_type,
      cred AS aggregate_id, 1 AS aggregate_version,
      toDateTime('2026-01-01 00:00:00') + intDiv(number * 31536000, ${rows}) + if(k < 20, 0, 3600 + (k * 7919 % 20) * 3600) AS occurred_at,
      occurred_at + if(k >= 95 AND k < 98, (cityHash64(number) % 200) * 86400, 0) AS effective_at,
      'bench' AS topic, 0 AS kafka_partition, number AS kafka_offset,
      if(k < 95, cred, '') AS credential_id,
      concat('i-', toString(intDiv(number, 100) % ${tenants}), '-', toString(cityHash64(cred) % 3)) AS issuer_id,
      if(k < 20, concat('a-', toString(cityHash64(cred) % 50)), '') AS achievement_id, 1 AS achievement_revision,
      if(k < 20, concat('2026-', toString(cityHash64(cred) % 4)), '') AS cohort,
      if(k < 20 OR k >= 95, hex(cityHash64(cred)), '') AS recipient_key, '' AS recipient_id,
      toDateTime(0) AS valid_until,
      if(k >= 30 AND k < 80, concat('s-', cred), '') AS share_id,
      ['linkedin', 'email', 'x', 'direct'][number % 4 + 1] AS channel,
      if(k >= 40 AND k < 80, hex(cityHash64(number % 500000)), '') AS viewer_hash,
      ['PT', 'DE', 'GB', 'US', 'NL', 'FR'][number % 6 + 1] AS country,
      if(k >= 80 AND k < 92, toString(number), '') AS verification_id, number % 7 != 0 AS verified, 1 AS issuer_known,
      if(k >= 80 AND k < 92 AND number % 7 = 0, ['STATUS_REVOKED'], emptyArrayString()) AS failure_codes,
      if(k >= 80 AND k < 92, concat('Employer ', toString(number % 40)), '') AS verifier_organization,
      if(k >= 80 AND k < 92, ['finance', 'information-technology', 'health'][number % 3 + 1], '') AS verifier_sector,
      multiIf(k >= 95 AND k < 97, 'hired', k = 97, 'promoted', '') AS outcome,
      if(k >= 95 AND k < 98, concat('Employer ', toString(number % 40)), '') AS employer_name,
      if(k >= 95 AND k < 98, ['finance', 'information-technology', 'health'][number % 3 + 1], '') AS employer_sector,
      '{}' AS payload
    FROM (SELECT number, ${kind} AS k, ${credential} AS cred FROM system.numbers LIMIT ${offset}, ${limit})`;
}

/** Tenants (with countries) and 50 achievements per tenant with two skills each, as raw events. */
export function dimensionEventsSql(tenants: number): string {
  return `INSERT INTO events (event_id, event_type, tenant_id, occurred_at, effective_at, achievement_id, achievement_revision,
      issuer_id, name, country, sector, skill_names, skill_urls, skill_frameworks, skill_codes, payload)
    SELECT toString(generateUUIDv4()), if(a = 0, 'tenant.created.v1', 'achievement.created.v1'),
      concat('bench-', toString(t)), toDateTime('2025-12-01 00:00:00'), toDateTime('2025-12-01 00:00:00'),
      if(a = 0, '', concat('a-', toString(a - 1))), 1, '', if(a = 0, concat('Institution ', toString(t)), concat('Programme ', toString(a - 1))),
      if(a = 0, ['PT', 'ES', 'FR'][t % 3 + 1], ''), if(a = 0, 'higher-education', ''),
      if(a = 0, emptyArrayString(), [concat('skill ', toString(a % 30)), concat('skill ', toString((a + 7) % 30))]),
      if(a = 0, emptyArrayString(), ['http://esco/a', 'http://esco/b']), if(a = 0, emptyArrayString(), ['ESCO', 'ESCO']),
      if(a = 0, emptyArrayString(), ['', '']), '{}'
    FROM (SELECT intDiv(number, 51) AS t, number % 51 AS a FROM system.numbers LIMIT ${tenants * 51})`;
}
