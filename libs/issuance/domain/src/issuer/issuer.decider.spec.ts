import { deciderSpec, evolveAll } from '@credstream/event-sourcing';
import type { IssuerCommand, NewSigningKey } from './issuer.commands';
import { issuerDecider } from './issuer.decider';
import type { IssuerEvent, IssuerProfile } from './issuer.events';
import { requireActiveSigningKey, signingKeyStatus, verificationKeys } from './issuer.queries';

const ISSUER_ID = '01932c8e-0000-7000-8000-000000000001';
const DID = `did:web:credstream.example:issuers:${ISSUER_ID}`;
const JWK_1 = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const JWK_2 = { kty: 'RSA', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl', e: 'AQAB' };
const profile: IssuerProfile = { name: 'Faculty of Science', url: 'https://ciencias.example' };

const created: IssuerEvent = {
  type: 'issuer.created.v1',
  data: {
    issuerId: ISSUER_ID,
    tenantId: 'uni-lisbon',
    did: DID,
    name: 'Faculty of Science',
    url: 'https://ciencias.example',
  },
};
const key = (fragment: string, alg: string, publicJwk: Record<string, unknown>): NewSigningKey => ({
  fragment,
  alg,
  publicJwk,
  keyRef: `csk1.sealed-${fragment}`,
});
const key1 = key('key-1', 'ES256', JWK_1);
const key2 = key('key-2', 'RS256', JWK_2);
const added1: IssuerEvent = {
  type: 'issuer.signing-key-added',
  data: { issuerId: ISSUER_ID, kid: `${DID}#key-1`, alg: 'ES256', publicKeyJwk: JWK_1, keyRef: 'csk1.sealed-key-1' },
};
const activated1: IssuerEvent = {
  type: 'issuer.key-activated.v1',
  data: { issuerId: ISSUER_ID, kid: `${DID}#key-1`, alg: 'ES256', publicKeyJwk: JWK_1, replacesKid: null },
};
const added2: IssuerEvent = {
  type: 'issuer.signing-key-added',
  data: { issuerId: ISSUER_ID, kid: `${DID}#key-2`, alg: 'RS256', publicKeyJwk: JWK_2, keyRef: 'csk1.sealed-key-2' },
};
const activated2: IssuerEvent = {
  type: 'issuer.key-activated.v1',
  data: { issuerId: ISSUER_ID, kid: `${DID}#key-2`, alg: 'RS256', publicKeyJwk: JWK_2, replacesKid: `${DID}#key-1` },
};
const revoked1: IssuerEvent = {
  type: 'issuer.signing-key-revoked',
  data: { issuerId: ISSUER_ID, kid: `${DID}#key-1`, reason: 'leaked', revokedAt: '2026-08-01T00:00:00.000Z' },
};

const create = (overrides: Partial<{ issuerId: string; did: string; profile: IssuerProfile }> = {}): IssuerCommand => ({
  type: 'create-issuer',
  data: { issuerId: ISSUER_ID, tenantId: 'uni-lisbon', did: DID, profile, ...overrides },
});
const update = (next: IssuerProfile): IssuerCommand => ({ type: 'update-issuer-profile', data: { profile: next } });
const add = (next: NewSigningKey): IssuerCommand => ({ type: 'add-signing-key', data: next });
const rotate = (next: NewSigningKey): IssuerCommand => ({ type: 'rotate-signing-key', data: next });
const revoke = (kid: string, reason = 'leaked'): IssuerCommand => ({
  type: 'revoke-signing-key',
  data: { kid, reason, revokedAt: '2026-08-01T00:00:00.000Z' },
});

describe('issuer decider', () => {
  describe('create-issuer', () => {
    it('creates the profile with its did:web DID', () => {
      deciderSpec(issuerDecider)
        .when(create({ profile: { ...profile, description: ' ', email: undefined } }))
        .then([created]);
    });

    it('refuses a duplicate issuer', () => {
      deciderSpec(issuerDecider).given([created]).when(create()).thenThrows('ISSUER_ALREADY_EXISTS');
    });

    it('refuses a non-UUID id, a DID that is not did:web, an empty name, bad URLs and emails', () => {
      const spec = deciderSpec(issuerDecider);
      spec.when(create({ issuerId: 'issuer-1' })).thenThrows('ISSUER_ID_INVALID');
      spec.when(create({ did: 'did:key:z6Mk' })).thenThrows('ISSUER_DID_INVALID');
      spec.when(create({ did: 'did:web:' })).thenThrows('ISSUER_DID_INVALID');
      spec.when(create({ profile: { name: ' ' } })).thenThrows('ISSUER_NAME_REQUIRED');
      spec.when(create({ profile: { name: 'x', imageUrl: 'ftp://logo' } })).thenThrows('ISSUER_URL_INVALID');
      spec.when(create({ profile: { name: 'x', email: 'not-an-email' } })).thenThrows('ISSUER_EMAIL_INVALID');
    });
  });

  describe('update-issuer-profile', () => {
    it('replaces the profile', () => {
      deciderSpec(issuerDecider)
        .given([created])
        .when(update({ name: 'Faculdade de Ciências', email: 'Info@Ciencias.example' }))
        .then([
          {
            type: 'issuer.profile-updated',
            data: { issuerId: ISSUER_ID, name: 'Faculdade de Ciências', email: 'info@ciencias.example' },
          },
        ]);
    });

    it('emits nothing when the profile is unchanged', () => {
      deciderSpec(issuerDecider).given([created]).when(update(profile)).then([]);
    });

    it('refuses an unknown issuer and an invalid profile', () => {
      deciderSpec(issuerDecider).when(update(profile)).thenThrows('ISSUER_NOT_FOUND');
      deciderSpec(issuerDecider)
        .given([created])
        .when(update({ name: '' }))
        .thenThrows('ISSUER_NAME_REQUIRED');
    });
  });

  describe('add-signing-key', () => {
    it('stores the sealed keyRef internally and publishes only the public key as active', () => {
      deciderSpec(issuerDecider).given([created]).when(add(key1)).then([added1, activated1]);
    });

    it('adds a new active key after the active one was revoked', () => {
      deciderSpec(issuerDecider)
        .given([created, added1, activated1, revoked1])
        .when(add(key2))
        .then([added2, { ...activated2, data: { ...activated2.data, replacesKid: null } }]);
    });

    it('refuses when an active key exists (rotate instead)', () => {
      deciderSpec(issuerDecider)
        .given([created, added1, activated1])
        .when(add(key2))
        .thenThrows('ISSUER_ACTIVE_KEY_EXISTS');
    });

    it('refuses a duplicate kid', () => {
      deciderSpec(issuerDecider)
        .given([created, added1, activated1, revoked1])
        .when(add(key1))
        .thenThrows('ISSUER_KEY_DUPLICATE');
    });

    it('refuses a bad fragment, an unsupported algorithm, a private JWK and a plaintext key as keyRef', () => {
      const spec = deciderSpec(issuerDecider).given([created]);
      spec.when(add({ ...key1, fragment: 'key 1' })).thenThrows('ISSUER_KEY_ID_INVALID');
      spec.when(add({ ...key1, alg: 'HS256' })).thenThrows('ISSUER_KEY_ALGORITHM_UNSUPPORTED');
      spec.when(add({ ...key1, publicJwk: { ...JWK_1, d: 'secret' } })).thenThrows('ISSUER_KEY_NOT_PUBLIC');
      spec.when(add({ ...key1, publicJwk: { crv: 'P-256' } })).thenThrows('ISSUER_KEY_NOT_PUBLIC');
      spec.when(add({ ...key1, keyRef: '-----BEGIN PRIVATE KEY-----' })).thenThrows('ISSUER_KEY_REF_INVALID');
      spec.when(add({ ...key1, keyRef: '' })).thenThrows('ISSUER_KEY_REF_INVALID');
    });

    it('refuses an unknown issuer', () => {
      deciderSpec(issuerDecider).when(add(key1)).thenThrows('ISSUER_NOT_FOUND');
    });
  });

  describe('rotate-signing-key', () => {
    it('activates the new key, naming the one it replaces', () => {
      deciderSpec(issuerDecider).given([created, added1, activated1]).when(rotate(key2)).then([added2, activated2]);
    });

    it('refuses to rotate to an existing kid', () => {
      deciderSpec(issuerDecider)
        .given([created, added1, activated1])
        .when(rotate({ ...key2, fragment: 'key-1' }))
        .thenThrows('ISSUER_KEY_DUPLICATE');
    });

    it('refuses when there is no active key', () => {
      deciderSpec(issuerDecider).given([created]).when(rotate(key2)).thenThrows('ISSUER_NO_ACTIVE_KEY');
    });
  });

  describe('revoke-signing-key', () => {
    it('revokes a key by fragment or full kid', () => {
      deciderSpec(issuerDecider).given([created, added1, activated1]).when(revoke('key-1')).then([revoked1]);
      deciderSpec(issuerDecider)
        .given([created, added1, activated1])
        .when(revoke(`${DID}#key-1`))
        .then([revoked1]);
    });

    it('refuses an unknown key, a key revoked already, and no reason', () => {
      deciderSpec(issuerDecider)
        .given([created, added1, activated1])
        .when(revoke('key-9'))
        .thenThrows('ISSUER_KEY_NOT_FOUND');
      deciderSpec(issuerDecider)
        .given([created, added1, activated1, revoked1])
        .when(revoke('key-1'))
        .thenThrows('ISSUER_KEY_ALREADY_REVOKED');
      deciderSpec(issuerDecider)
        .given([created, added1, activated1])
        .when(revoke('key-1', ' '))
        .thenThrows('ISSUER_REASON_REQUIRED');
    });
  });

  describe('queries', () => {
    it('after a rotation the new key signs and both keys verify', () => {
      const state = evolveAll(issuerDecider, [created, added1, activated1, added2, activated2]);
      expect(requireActiveSigningKey(state)).toEqual({
        kid: `${DID}#key-2`,
        alg: 'RS256',
        keyRef: 'csk1.sealed-key-2',
      });
      expect(signingKeyStatus(state, `${DID}#key-1`)).toBe('retired');
      expect(signingKeyStatus(state, `${DID}#key-3`)).toBe('unknown');
      expect(verificationKeys(state).map((k) => k.kid)).toEqual([`${DID}#key-1`, `${DID}#key-2`]);
      expect(JSON.stringify(verificationKeys(state))).not.toContain('csk1');
    });

    it('refuses to sign with no active key (none yet, or the active one revoked)', () => {
      expect(() => requireActiveSigningKey(evolveAll(issuerDecider, [created]))).toThrow(
        expect.objectContaining({ code: 'ISSUER_NO_ACTIVE_KEY' }),
      );
      const revoked = evolveAll(issuerDecider, [created, added1, activated1, revoked1]);
      expect(() => requireActiveSigningKey(revoked)).toThrow(expect.objectContaining({ code: 'ISSUER_NO_ACTIVE_KEY' }));
      expect(signingKeyStatus(revoked, `${DID}#key-1`)).toBe('revoked');
      expect(verificationKeys(revoked)).toEqual([]);
      expect(() => requireActiveSigningKey(issuerDecider.initialState())).toThrow(
        expect.objectContaining({ code: 'ISSUER_NOT_FOUND' }),
      );
    });
  });
});
