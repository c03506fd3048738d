import { deciderSpec } from '@credstream/event-sourcing';
import { verifierOrganisationDecider as decider, MAX_ACTIVE_VERIFIER_KEYS } from './verifier-organisation.decider';
import type { VerifierOrganisationEvent } from './verifier-organisation.events';
import { verifierProfile } from './verifier-profile';

const organisationId = '01932c8e-0000-7000-8000-0000000000a1';
const at = '2026-11-27T09:00:00.000Z';
const profile = { name: 'Acme Hiring', sector: 'N78', country: 'DE' };
const key = (n: number) => ({ keyId: `k${n}`, hash: `${n}`.padStart(64, '0') });

const registered: VerifierOrganisationEvent = {
  type: 'verifier-organisation.registered',
  data: { organisationId, ...profile, key: key(1), registeredAt: at },
};
const issued = (n: number): VerifierOrganisationEvent => ({
  type: 'verifier-organisation.key-issued',
  data: { organisationId, key: key(n), issuedAt: at },
});

describe('verifier organisation decider', () => {
  it('registers an organisation with its first key', () => {
    deciderSpec(decider)
      .when({ type: 'register-verifier-organisation', data: { organisationId, profile, key: key(1), at } })
      .then([registered]);
  });

  it('refuses to register the same organisation twice', () => {
    deciderSpec(decider)
      .given([registered])
      .when({ type: 'register-verifier-organisation', data: { organisationId, profile, key: key(2), at } })
      .thenThrows('VERIFIER_ORGANISATION_EXISTS');
  });

  it('issues further keys, up to a limit of active ones', () => {
    deciderSpec(decider)
      .given([registered])
      .when({ type: 'issue-verifier-key', data: { organisationId, key: key(2), at } })
      .then([issued(2)]);
    const full = [registered, ...Array.from({ length: MAX_ACTIVE_VERIFIER_KEYS - 1 }, (_, i) => issued(i + 2))];
    deciderSpec(decider)
      .given(full)
      .when({ type: 'issue-verifier-key', data: { organisationId, key: key(99), at } })
      .thenThrows('VERIFIER_TOO_MANY_KEYS');
  });

  it('revokes a key while another stays active', () => {
    deciderSpec(decider)
      .given([registered, issued(2)])
      .when({ type: 'revoke-verifier-key', data: { organisationId, keyId: 'k1', at } })
      .then([{ type: 'verifier-organisation.key-revoked', data: { organisationId, keyId: 'k1', revokedAt: at } }]);
  });

  it('refuses to revoke the last active key, an unknown or already revoked key, or keys of no organisation', () => {
    deciderSpec(decider)
      .given([registered])
      .when({ type: 'revoke-verifier-key', data: { organisationId, keyId: 'k1', at } })
      .thenThrows('VERIFIER_LAST_KEY');
    deciderSpec(decider)
      .given([
        registered,
        issued(2),
        { type: 'verifier-organisation.key-revoked', data: { organisationId, keyId: 'k1', revokedAt: at } },
      ])
      .when({ type: 'revoke-verifier-key', data: { organisationId, keyId: 'k1', at } })
      .thenThrows('VERIFIER_KEY_NOT_FOUND');
    deciderSpec(decider)
      .when({ type: 'revoke-verifier-key', data: { organisationId, keyId: 'k1', at } })
      .thenThrows('VERIFIER_ORGANISATION_NOT_FOUND');
    deciderSpec(decider)
      .when({ type: 'issue-verifier-key', data: { organisationId, key: key(2), at } })
      .thenThrows('VERIFIER_ORGANISATION_NOT_FOUND');
  });
});

describe('verifierProfile', () => {
  it('normalises a profile', () => {
    expect(verifierProfile({ name: '  Acme Hiring ', sector: 'n78', country: 'de' })).toEqual(profile);
  });

  it.each([
    [{ ...profile, name: '   ' }, 'name'],
    [{ ...profile, name: 'x'.repeat(201) }, 'name'],
    [{ ...profile, sector: 'Z' }, 'sector'],
    [{ ...profile, sector: "N78'; DROP TABLE" }, 'sector'],
    [{ ...profile, country: 'DEU' }, 'country'],
  ])('refuses %j naming the field %s', (input, field) => {
    expect(() => verifierProfile(input)).toThrow(
      expect.objectContaining({ code: 'VERIFIER_PROFILE_INVALID', details: { field } }),
    );
  });
});
