import { contractFor, type EventEnvelope } from '@credstream/contracts';
import { ErasureList } from '../erasure-list';
import { forEachValue, packRecords } from './packed-records';
import { projectRecords } from './project-records';

const hash = (value: string) => `hash(${value})`;
const ERASED_KEY = '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d';

function event(type: string, n: number): EventEnvelope {
  const contract = contractFor(type);
  if (!contract) throw new Error(`no contract for ${type}`);
  return {
    id: `01932c8e-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    type,
    source: contract.source === 'partner' ? 'partner:lms' : contract.source,
    aggregateType: contract.aggregateType,
    aggregateId: `aggregate-${n}`,
    aggregateVersion: 1,
    tenantId: 'uni',
    occurredAt: '2026-06-30T12:34:56.789Z',
    correlationId: 'c',
    causationId: null,
    data: contract.example,
  };
}

const record = (offset: number, value: string | null) => ({
  offset: String(offset),
  value: value === null ? null : Buffer.from(value, 'utf8'),
});
const issued = (n: number) => record(n, JSON.stringify(event('credential.issued.v1', n)));
const lines = (rows: Uint8Array) => Buffer.from(rows).toString('utf8').split('\n').slice(0, -1);

describe('projectRecords', () => {
  it('turns a fetched batch into TabSeparated rows in record order, counted per type', () => {
    const packed = packRecords('issuance.credential.v1', 2, [issued(10), issued(11), issued(12)]);
    const projected = projectRecords(packed, new ErasureList(), hash);

    expect(projected.rowCount).toBe(3);
    const rows = lines(projected.rows).map((line) => line.split('\t'));
    expect(rows.map((columns) => columns[0])).toEqual([
      '01932c8e-0000-7000-8000-00000000000a',
      '01932c8e-0000-7000-8000-00000000000b',
      '01932c8e-0000-7000-8000-00000000000c',
    ]);
    // topic, partition and offset columns come from where each record sat on Kafka
    expect(rows[1].slice(9, 12)).toEqual(['issuance.credential.v1', '2', '11']);
    expect(projected.typeCounts).toEqual([['credential.issued.v1', 3]]);
    expect(projected.rejected).toEqual([]);
  });

  it('names every record it cannot project, by its index and why, and projects the rest', () => {
    const wrongTopic = JSON.stringify(event('recipient.erased.v1', 2));
    const packed = packRecords('issuance.credential.v1', 0, [
      record(0, 'not json'),
      issued(1),
      record(2, wrongTopic),
      record(3, null),
    ]);
    const projected = projectRecords(packed, new ErasureList(), hash);

    expect(projected.rowCount).toBe(1);
    expect(projected.rejected.map(({ index, reason }) => ({ index, reason }))).toEqual([
      { index: 0, reason: 'undecodable' },
      { index: 2, reason: 'invalid' },
      { index: 3, reason: 'undecodable' },
    ]);
    expect(projected.rejected[1].error).toContain('belongs on topic sharing.recipient.v1');
  });

  it('blanks the recipient of rows that arrive after their erasure, and reports the erasure', () => {
    const erasures = new ErasureList();
    const erasure = packRecords('sharing.recipient.v1', 0, [
      record(0, JSON.stringify(event('recipient.erased.v1', 1))),
    ]);
    const erased = projectRecords(erasure, erasures, hash);
    expect(erased.erasures).toEqual([
      { recipientId: '01932c8e-0000-7000-8000-000000000020', recipientKeys: [ERASED_KEY] },
    ]);

    const later = projectRecords(packRecords('issuance.credential.v1', 0, [issued(5)]), erasures, hash);
    expect(lines(later.rows)[0]).not.toContain(ERASED_KEY);
    const unerased = projectRecords(packRecords('issuance.credential.v1', 0, [issued(5)]), new ErasureList(), hash);
    expect(lines(unerased.rows)[0]).toContain(ERASED_KEY);
  });
});

describe('packRecords', () => {
  it('carries every value, tombstones included, in one buffer of its own', () => {
    const packed = packRecords('t', 0, [record(7, 'a'), record(8, null), record(9, 'ünïcode')]);
    const values: (string | null)[] = [];
    forEachValue(packed, (value) => values.push(value === null ? null : value.toString('utf8')));

    expect(values).toEqual(['a', null, 'ünïcode']);
    expect(packed.offsets).toEqual(['7', '8', '9']);
    expect(packed.bytes.byteOffset).toBe(0);
    expect(packed.bytes.buffer.byteLength).toBe(packed.bytes.byteLength);
  });
});
