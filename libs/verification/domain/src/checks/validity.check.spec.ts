import { buildOpenBadgeCredential } from '@credstream/open-badges';
import { checkValidityPeriod } from './validity.check';

describe('checkValidityPeriod', () => {
  const at = (now: string, credential: Record<string, unknown>, claims = {}) =>
    checkValidityPeriod({ credential, claims, now: new Date(now), clockSkewSeconds: 0 });

  it('falls back to VCDM 1.1 dates and then to nbf/exp', () => {
    expect(
      at('2030-01-01T00:00:00Z', { issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2025-01-01T00:00:00Z' }).code,
    ).toBe('EXPIRED');
    expect(at('2019-01-01T00:00:00Z', {}, { nbf: Date.parse('2020-01-01T00:00:00Z') / 1000 }).code).toBe(
      'NOT_YET_VALID',
    );
    expect(at('2021-01-01T00:00:00Z', {}).status).toBe('passed');
  });

  it('refuses dates it cannot read', () => {
    expect(at('2021-01-01T00:00:00Z', { validFrom: 'yesterday' }).code).toBe('DATE_INVALID');
    const credential = buildOpenBadgeCredential({
      id: 'x',
      issuer: { id: 'did:web:x' },
      achievement: { id: 'a', name: 'n', description: 'd', criteria: {} },
      recipient: { did: 'did:example:a' },
      validFrom: '2026-01-01T00:00:00Z',
    });
    expect(at('2027-01-01T00:00:00Z', credential).status).toBe('passed');
  });
});
