import { contractFor, EventEnvelope } from '@credstream/contracts';
import { toAnalyticsRow, toClickHouseDateTime } from './to-analytics-row';

const position = { topic: 't', partition: 0, offset: '7' };
const hash = (value: string) => `hash(${value})`;

function event(type: string, data?: unknown): EventEnvelope {
  return {
    id: '01932c8e-0000-7000-8000-0000000000ff',
    type,
    source: 'issuance',
    aggregateType: 'x',
    aggregateId: 'a',
    aggregateVersion: 1,
    tenantId: 'uni',
    occurredAt: '2026-06-30T12:34:56.789Z',
    correlationId: 'c',
    causationId: null,
    data: data ?? contractFor(type)?.example,
  };
}

describe('toAnalyticsRow', () => {
  it('flattens an issued credential and keeps no personal data', () => {
    const { row } = toAnalyticsRow(event('credential.issued.v1'), position, hash);
    expect(row).toMatchObject({
      event_type: 'credential.issued.v1',
      tenant_id: 'uni',
      occurred_at: '2026-06-30 12:34:56',
      credential_id: '01932c8e-0000-7000-8000-000000000003',
      achievement_id: '01932c8e-0000-7000-8000-000000000002',
      cohort: '2026-spring',
      recipient_key: '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d',
      trigger_kind: 'partner',
      kafka_offset: '7',
    });
    const serialised = JSON.stringify(row);
    for (const secret of ['ana.silva@example.org', 'eyJhbGci', 'q8R2x', 'sha256$7d2f']) {
      expect(serialised).not.toContain(secret);
    }
  });

  it('pseudonymises a learner e-mail into the recipient key and drops the name', () => {
    const { row } = toAnalyticsRow(event('learning.completed.v1'), position, hash);
    expect(row.recipient_key).toBe('hash(ana.silva@example.org)');
    expect(JSON.stringify(row)).not.toContain('Ana Silva');
    expect(row.effective_at).toBe('2026-06-29 16:00:00');
  });

  it('keeps verification failures, verifier and achievement skills', () => {
    expect(toAnalyticsRow(event('credential.verified.v1'), position, hash).row).toMatchObject({
      verified: 0,
      failure_codes: ['STATUS_REVOKED'],
      verifier_organization: 'Acme Analytics',
      verifier_sector: 'information-technology',
      country: 'DE',
    });
    expect(toAnalyticsRow(event('achievement.created.v1'), position, hash).row.skill_names).toEqual(['data analytics']);
  });

  it('turns an employment event into an outcome without the job title', () => {
    const { row } = toAnalyticsRow(event('person.hired.v1'), position, hash);
    expect(row).toMatchObject({
      outcome: 'hired',
      employer_sector: 'information-technology',
      effective_at: '2026-09-01 00:00:00',
    });
    expect(row.payload).not.toContain('Junior Data Analyst');
  });

  it('asks for an erasure and stores none of the keys', () => {
    const projected = toAnalyticsRow(event('recipient.erased.v1'), position, hash);
    expect(projected.erasure).toEqual({
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      recipientKeys: ['5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d'],
    });
    expect(JSON.stringify(projected.row)).not.toContain('5b2d8f0e');
  });
});

describe('toClickHouseDateTime', () => {
  it('gives UTC seconds for every RFC 3339 form, the same by the fast path and by parsing', () => {
    expect(toClickHouseDateTime('2026-03-04T05:06:07.890Z')).toBe('2026-03-04 05:06:07');
    expect(toClickHouseDateTime('2026-03-04T05:06:07Z')).toBe('2026-03-04 05:06:07');
    expect(toClickHouseDateTime('2026-03-04T07:06:07+02:00')).toBe('2026-03-04 05:06:07');
    expect(toClickHouseDateTime('2026-02-29T00:00:00Z')).toBe('2026-03-01 00:00:00');
    expect(toClickHouseDateTime('not a date')).toBe('');
  });
});
