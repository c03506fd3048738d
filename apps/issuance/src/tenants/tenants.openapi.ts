import type { SchemaObject } from '@nestjs/swagger';
import { API_KEY_SCOPES } from '@credstream/access';

export const API_KEY_REQUEST: SchemaObject = {
  type: 'object',
  required: ['name', 'scopes'],
  properties: {
    name: { type: 'string', maxLength: 100, example: 'registrar integration' },
    scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] }, example: ['issue', 'revoke'] },
  },
};

export const CREATED_API_KEY: SchemaObject = {
  type: 'object',
  description: 'The new key. `key` is the secret: shown this once, stored only as a hash.',
  properties: {
    keyId: { type: 'string', example: 'k3f9a0c2b7d1e4f5a6b7c' },
    key: { type: 'string', example: 'cs_k3f9a0c2b7d1e4f5a6b7c_Zm9vYmFy...' },
    prefix: { type: 'string', example: 'cs_k3f9a0c2b7d1e4f5a6b7c' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] } },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const API_KEY_VIEW: SchemaObject = {
  type: 'object',
  properties: {
    keyId: { type: 'string' },
    tenantId: { type: 'string' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] } },
    revoked: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: 'string', format: 'date-time', description: 'Recorded at most once a minute.' },
  },
};

export const CREATE_TENANT_REQUEST: SchemaObject = {
  type: 'object',
  required: ['tenantId', 'name', 'country'],
  properties: {
    tenantId: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$', example: 'uni-lisbon' },
    name: { type: 'string', example: 'University of Lisbon' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2', example: 'PT' },
    sector: { type: 'string', example: 'higher-education' },
    initialApiKey: {
      ...API_KEY_REQUEST,
      required: [],
      description: 'The first key (default: name "initial admin key", scopes ["admin"]).',
    },
  },
};

export const TENANT_VIEW: SchemaObject = {
  type: 'object',
  properties: {
    tenantId: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
    sector: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const CREATED_TENANT: SchemaObject = {
  ...TENANT_VIEW,
  properties: { ...TENANT_VIEW.properties, apiKey: CREATED_API_KEY },
};
