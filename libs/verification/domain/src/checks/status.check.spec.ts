import { BitstringStatusList } from '@credstream/open-badges';
import { statusEntriesOf } from '../status/status-entry';
import type { StatusListSnapshot } from '../status/status-list-snapshot';
import { checkStatus, type StatusListLookup } from './status.check';

const issuer = 'did:web:uni.example';
const url = 'https://uni.example/status/1';
const now = new Date('2027-01-01T00:00:00Z');

function snapshot(overrides: Partial<StatusListSnapshot> = {}, setBits: number[] = []): StatusListLookup {
  const list = BitstringStatusList.create();
  setBits.forEach((bit) => list.set(bit));
  return { ok: true, snapshot: { url, issuerId: issuer, purposes: ['revocation'], list, ...overrides } };
}

function check(credentialStatus: unknown, lookup?: StatusListLookup) {
  const entries = statusEntriesOf({ credentialStatus });
  const lists = new Map(lookup ? [[url, lookup]] : []);
  return checkStatus({ credentialIssuerId: issuer, entries, lists, now, clockSkewSeconds: 0 });
}

const entry = (index: unknown, purpose = 'revocation') => ({
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: index,
  statusListCredential: url,
});

describe('checkStatus', () => {
  it('reads the bit at the index (string or number)', () => {
    expect(check(entry('5'), snapshot({}, [5]))).toMatchObject({ status: 'failed', code: 'STATUS_REVOKED' });
    expect(check(entry(5), snapshot({}, [4, 6]))).toMatchObject({ status: 'passed' });
  });

  it('names what is wrong with the entry or the list', () => {
    expect(check(entry('-1'), snapshot()).code).toBe('STATUS_ENTRY_INVALID');
    expect(check(entry('5', 'suspension'), snapshot()).code).toBe('STATUS_LIST_INVALID');
    expect(check(entry('5'), snapshot({ issuerId: 'did:web:other' })).code).toBe('STATUS_LIST_INVALID');
    expect(check(entry('5'), snapshot({ validUntil: '2026-01-01T00:00:00Z' })).code).toBe('STATUS_LIST_INVALID');
    expect(check(entry(String(200_000)), snapshot()).code).toBe('STATUS_LIST_INVALID');
    expect(check(entry('5')).code).toBe('STATUS_UNAVAILABLE');
  });

  it('reports a revocation before a list it could not fetch', () => {
    const entries = statusEntriesOf({
      credentialStatus: [entry('1'), { ...entry('1'), statusListCredential: 'https://down.example/list' }],
    });
    const lists = new Map<string, StatusListLookup>([[url, snapshot({}, [1])]]);
    expect(checkStatus({ credentialIssuerId: issuer, entries, lists, now, clockSkewSeconds: 0 }).code).toBe(
      'STATUS_REVOKED',
    );
  });

  it('skips credentials without status, or with a status type it does not check', () => {
    expect(check(undefined)).toMatchObject({ status: 'skipped', code: 'NOT_APPLICABLE' });
    expect(check({ type: '1EdTechRevocationList', id: 'x' })).toMatchObject({
      status: 'skipped',
      code: 'STATUS_TYPE_UNSUPPORTED',
    });
  });

  it('lets known issuance records decide', () => {
    const entries = statusEntriesOf({});
    const base = { credentialIssuerId: issuer, entries, lists: new Map(), now, clockSkewSeconds: 0 };
    expect(checkStatus({ ...base, known: { revoked: false, suspended: true } }).code).toBe('STATUS_SUSPENDED');
    expect(checkStatus({ ...base, known: { revoked: false, suspended: false } }).status).toBe('passed');
  });
});
