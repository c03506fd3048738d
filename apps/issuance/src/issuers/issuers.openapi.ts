import type { SchemaObject } from '@nestjs/swagger';

const profileProperties: Record<string, SchemaObject> = {
  name: { type: 'string', maxLength: 200, example: 'University of Lisbon — Faculty of Science' },
  url: { type: 'string', format: 'uri', example: 'https://ciencias.example' },
  email: { type: 'string', format: 'email' },
  description: { type: 'string', maxLength: 2000 },
  imageUrl: { type: 'string', format: 'uri', description: 'Logo' },
};

export const ISSUER_PROFILE_REQUEST: SchemaObject = {
  type: 'object',
  required: ['name'],
  description: 'The whole OB 3.0 Profile; optional fields left out are cleared.',
  properties: profileProperties,
};

export const CREATE_ISSUER_REQUEST: SchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    ...profileProperties,
    keyAlgorithm: { type: 'string', enum: ['ES256', 'RS256', 'EdDSA'], default: 'ES256' },
  },
};

export const ROTATE_KEY_REQUEST: SchemaObject = {
  type: 'object',
  properties: {
    algorithm: {
      type: 'string',
      enum: ['ES256', 'RS256', 'EdDSA'],
      description: 'Defaults to the algorithm of the current key.',
    },
  },
};

export const REVOKE_KEY_REQUEST: SchemaObject = {
  type: 'object',
  required: ['reason'],
  properties: { reason: { type: 'string', example: 'key material exposed in a backup' } },
};

export const ISSUER_VIEW: SchemaObject = {
  type: 'object',
  properties: {
    issuerId: { type: 'string', format: 'uuid' },
    tenantId: { type: 'string' },
    did: {
      type: 'string',
      example: 'did:web:issuance.credstream.example:issuers:01932c8e-0000-7000-8000-000000000001',
    },
    ...profileProperties,
    activeKid: { type: 'string', nullable: true, description: 'The kid new credentials are signed with.' },
    keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kid: { type: 'string', description: 'Verification method id; the JWT kid.' },
          alg: { type: 'string', enum: ['ES256', 'RS256', 'EdDSA'] },
          status: { type: 'string', enum: ['active', 'retired', 'revoked'] },
          publicKeyJwk: { type: 'object', additionalProperties: true },
          didKey: { type: 'string', description: 'The same P-256 key as did:key, for offline verification.' },
        },
      },
    },
    version: { type: 'integer', description: 'Also the ETag.' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const DID_DOCUMENT: SchemaObject = {
  type: 'object',
  properties: {
    '@context': { type: 'array', items: { type: 'string' } },
    id: { type: 'string' },
    verificationMethod: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { type: 'string', example: 'JsonWebKey2020' },
          controller: { type: 'string' },
          publicKeyJwk: { type: 'object', additionalProperties: true },
        },
      },
    },
    assertionMethod: { type: 'array', items: { type: 'string' } },
    authentication: { type: 'array', items: { type: 'string' } },
  },
};
