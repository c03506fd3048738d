import type { Decider } from '@credstream/event-sourcing';
import { epochMs, isBlank, isTimestamp } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import type { CreateApiKey, CreateTenant, RecordApiKeyUse, TenantCommand } from './tenant.commands';
import { TENANT_ERROR_CODES as CODES, TenantError } from './tenant.errors';
import { API_KEY_SCOPES, type ApiKeyScope, type TenantEvent } from './tenant.events';
import type { ApiKeyState, TenantState } from './tenant.state';

const COUNTRY = /^[A-Z]{2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export const tenantDecider: Decider<TenantCommand, TenantEvent, TenantState> = {
  initialState: () => ({ apiKeys: {} }),

  decide(command, state) {
    switch (command.type) {
      case 'create-tenant':
        return createTenant(command.data, state);
      case 'create-api-key':
        return createApiKey(command.data, requireTenant(state));
      case 'revoke-api-key': {
        const key = requireApiKey(requireTenant(state), command.data.keyId);
        if (key.revoked) throw new TenantError(CODES.apiKeyAlreadyRevoked, `API key ${key.keyId} is already revoked`);
        return [{ type: 'api-key.revoked.v1', data: { keyId: key.keyId } }];
      }
      case 'record-api-key-use':
        return recordUse(command.data, requireTenant(state));
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown tenant command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'tenant.created.v1':
        return { ...state, profile: event.data };
      case 'api-key.created.v1':
        return withKey(state, { ...event.data, revoked: false });
      case 'api-key.revoked.v1':
        return updateKey(state, event.data.keyId, (key) => ({ ...key, revoked: true }));
      case 'api-key.used':
        return updateKey(state, event.data.keyId, (key) => ({ ...key, lastUsedAt: event.data.usedAt }));
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown tenant event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function createTenant(data: CreateTenant['data'], state: TenantState): TenantEvent[] {
  if (state.profile) throw new TenantError(CODES.alreadyExists, `tenant ${state.profile.tenantId} already exists`);
  if (isBlank(data.tenantId)) throw new TenantError(CODES.idRequired, 'a tenant needs an id', { field: 'tenantId' });
  if (isBlank(data.name)) throw new TenantError(CODES.nameRequired, 'a tenant needs a name', { field: 'name' });
  const country = data.country.trim().toUpperCase();
  if (!COUNTRY.test(country)) {
    throw new TenantError(CODES.countryInvalid, `"${data.country}" is not an ISO 3166-1 alpha-2 country code`, {
      field: 'country',
    });
  }
  const sector = isBlank(data.sector) ? undefined : data.sector?.trim();
  return [
    {
      type: 'tenant.created.v1',
      data: omitUndefined({ tenantId: data.tenantId, name: data.name.trim(), country, sector }),
    },
  ];
}

function createApiKey(data: CreateApiKey['data'], state: TenantState): TenantEvent[] {
  if (state.apiKeys[data.keyId]) throw new TenantError(CODES.apiKeyAlreadyExists, `API key ${data.keyId} exists`);
  if (isBlank(data.keyId) || isBlank(data.name) || isBlank(data.prefix)) {
    throw new TenantError(CODES.apiKeyInvalid, 'an API key needs an id, a name and a prefix');
  }
  if (!SHA256_HEX.test(data.hash)) {
    throw new TenantError(CODES.apiKeyHashInvalid, 'the key hash must be lower-case sha256 hex', { field: 'hash' });
  }
  return [
    {
      type: 'api-key.created.v1',
      data: { keyId: data.keyId, name: data.name.trim(), prefix: data.prefix, hash: data.hash, scopes: scopesOf(data) },
    },
  ];
}

function scopesOf(data: CreateApiKey['data']): ApiKeyScope[] {
  if (data.scopes.length === 0) {
    throw new TenantError(CODES.apiKeyScopesEmpty, 'an API key needs at least one scope', { field: 'scopes' });
  }
  const unknown = data.scopes.filter((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    throw new TenantError(CODES.apiKeyScopeUnknown, `unknown scope(s): ${unknown.join(', ')}`, {
      field: 'scopes',
      unknown,
      allowed: API_KEY_SCOPES,
    });
  }
  return API_KEY_SCOPES.filter((scope) => data.scopes.includes(scope));
}

function recordUse(data: RecordApiKeyUse['data'], state: TenantState): TenantEvent[] {
  const key = requireApiKey(state, data.keyId);
  if (!isTimestamp(data.usedAt)) throw new TenantError(CODES.apiKeyInvalid, 'usedAt must be an ISO-8601 timestamp');
  // A request authenticated just before the revocation landed: nothing worth recording, and no reason to fail it.
  if (key.revoked) return [];
  const last = key.lastUsedAt === undefined ? undefined : epochMs(key.lastUsedAt);
  if (last !== undefined && epochMs(data.usedAt) - last < data.minIntervalMs) return [];
  return [{ type: 'api-key.used', data: { keyId: key.keyId, usedAt: data.usedAt } }];
}

function requireTenant(state: TenantState): TenantState {
  if (!state.profile) throw new TenantError(CODES.notFound, 'the tenant does not exist');
  return state;
}

function requireApiKey(state: TenantState, keyId: string): ApiKeyState {
  const key = state.apiKeys[keyId];
  if (!key) throw new TenantError(CODES.apiKeyNotFound, `API key ${keyId} does not exist`, { keyId });
  return key;
}

function withKey(state: TenantState, key: ApiKeyState): TenantState {
  return { ...state, apiKeys: { ...state.apiKeys, [key.keyId]: key } };
}

function updateKey(state: TenantState, keyId: string, update: (key: ApiKeyState) => ApiKeyState): TenantState {
  const key = state.apiKeys[keyId];
  return key ? withKey(state, update(key)) : state;
}
