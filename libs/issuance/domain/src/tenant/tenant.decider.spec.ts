import { deciderSpec } from '@credstream/event-sourcing';
import type { TenantCommand } from './tenant.commands';
import { tenantDecider } from './tenant.decider';
import type { TenantEvent } from './tenant.events';

const HASH = 'a3f1c6d2e4b5a6978877665544332211a3f1c6d2e4b5a6978877665544332211';
const created: TenantEvent = {
  type: 'tenant.created.v1',
  data: { tenantId: 'uni-lisbon', name: 'University of Lisbon', country: 'PT', sector: 'higher-education' },
};
const keyCreated: TenantEvent = {
  type: 'api-key.created.v1',
  data: { keyId: 'key_01', name: 'registrar', prefix: 'cs_live_4f2a', hash: HASH, scopes: ['issue', 'revoke'] },
};
const keyRevoked: TenantEvent = { type: 'api-key.revoked.v1', data: { keyId: 'key_01' } };
const used = (usedAt: string): TenantEvent => ({ type: 'api-key.used', data: { keyId: 'key_01', usedAt } });

const createTenant = (
  overrides: Partial<Extract<TenantCommand, { type: 'create-tenant' }>['data']> = {},
): TenantCommand => ({
  type: 'create-tenant',
  data: {
    tenantId: 'uni-lisbon',
    name: ' University of Lisbon ',
    country: 'pt',
    sector: 'higher-education',
    ...overrides,
  },
});
const createKey = (
  scopes: readonly string[],
  overrides: { keyId?: string; hash?: string; name?: string } = {},
): TenantCommand => ({
  type: 'create-api-key',
  data: { keyId: 'key_01', name: 'registrar', prefix: 'cs_live_4f2a', hash: HASH, scopes, ...overrides },
});
const revokeKey = (keyId = 'key_01'): TenantCommand => ({ type: 'revoke-api-key', data: { keyId } });
const HOUR = 3_600_000;
const recordUse = (usedAt: string, keyId = 'key_01'): TenantCommand => ({
  type: 'record-api-key-use',
  data: { keyId, usedAt, minIntervalMs: HOUR },
});

describe('tenant decider', () => {
  describe('create-tenant', () => {
    it('creates the tenant, trimming the name and upper-casing the country', () => {
      deciderSpec(tenantDecider).when(createTenant()).then([created]);
    });

    it('leaves out a blank sector', () => {
      deciderSpec(tenantDecider)
        .when(createTenant({ sector: ' ' }))
        .then([
          { type: 'tenant.created.v1', data: { tenantId: 'uni-lisbon', name: 'University of Lisbon', country: 'PT' } },
        ]);
    });

    it('refuses a duplicate tenant', () => {
      deciderSpec(tenantDecider).given([created]).when(createTenant()).thenThrows('TENANT_ALREADY_EXISTS');
    });

    it('refuses a missing id or name', () => {
      deciderSpec(tenantDecider)
        .when(createTenant({ tenantId: '' }))
        .thenThrows('TENANT_ID_REQUIRED');
      deciderSpec(tenantDecider)
        .when(createTenant({ name: '  ' }))
        .thenThrows('TENANT_NAME_REQUIRED');
    });

    it('refuses a country that is not ISO 3166-1 alpha-2', () => {
      deciderSpec(tenantDecider)
        .when(createTenant({ country: 'PRT' }))
        .thenThrows('TENANT_COUNTRY_INVALID');
      deciderSpec(tenantDecider)
        .when(createTenant({ country: 'P1' }))
        .thenThrows('TENANT_COUNTRY_INVALID');
    });
  });

  describe('create-api-key', () => {
    it('creates a key with its scopes in canonical order, without duplicates', () => {
      deciderSpec(tenantDecider)
        .given([created])
        .when(createKey(['revoke', 'issue', 'revoke']))
        .then([keyCreated]);
    });

    it('refuses keys on a tenant that does not exist', () => {
      deciderSpec(tenantDecider)
        .when(createKey(['issue']))
        .thenThrows('TENANT_NOT_FOUND');
    });

    it('refuses empty scopes', () => {
      deciderSpec(tenantDecider).given([created]).when(createKey([])).thenThrows('API_KEY_SCOPES_EMPTY');
    });

    it('refuses an unknown scope', () => {
      deciderSpec(tenantDecider)
        .given([created])
        .when(createKey(['issue', 'delete']))
        .thenThrows('API_KEY_SCOPE_UNKNOWN');
    });

    it('refuses a duplicate key id', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated])
        .when(createKey(['issue']))
        .thenThrows('API_KEY_ALREADY_EXISTS');
    });

    it('refuses a hash that is not sha256 hex, and a blank name', () => {
      deciderSpec(tenantDecider)
        .given([created])
        .when(createKey(['issue'], { hash: 'secret' }))
        .thenThrows('API_KEY_HASH_INVALID');
      deciderSpec(tenantDecider)
        .given([created])
        .when(createKey(['issue'], { name: '' }))
        .thenThrows('API_KEY_INVALID');
    });
  });

  describe('revoke-api-key', () => {
    it('revokes an active key', () => {
      deciderSpec(tenantDecider).given([created, keyCreated]).when(revokeKey()).then([keyRevoked]);
    });

    it('refuses an unknown key', () => {
      deciderSpec(tenantDecider).given([created]).when(revokeKey('key_99')).thenThrows('API_KEY_NOT_FOUND');
    });

    it('refuses a key revoked already', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated, keyRevoked])
        .when(revokeKey())
        .thenThrows('API_KEY_ALREADY_REVOKED');
    });
  });

  describe('record-api-key-use', () => {
    it('records the first use', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated])
        .when(recordUse('2026-07-01T10:00:00.000Z'))
        .then([used('2026-07-01T10:00:00.000Z')]);
    });

    it('records nothing while the last recorded use is more recent than the interval', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated, used('2026-07-01T10:00:00.000Z')])
        .when(recordUse('2026-07-01T10:59:59.999Z'))
        .then([]);
    });

    it('records again once the interval has passed', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated, used('2026-07-01T10:00:00.000Z')])
        .when(recordUse('2026-07-01T11:00:00.000Z'))
        .then([used('2026-07-01T11:00:00.000Z')]);
    });

    it('records nothing for a key revoked meanwhile', () => {
      deciderSpec(tenantDecider)
        .given([created, keyCreated, keyRevoked])
        .when(recordUse('2026-07-01T10:00:00.000Z'))
        .then([]);
    });

    it('refuses an unknown key and a malformed time', () => {
      deciderSpec(tenantDecider)
        .given([created])
        .when(recordUse('2026-07-01T10:00:00.000Z', 'key_99'))
        .thenThrows('API_KEY_NOT_FOUND');
      deciderSpec(tenantDecider)
        .given([created, keyCreated])
        .when(recordUse('yesterday'))
        .thenThrows('API_KEY_INVALID');
    });
  });
});
