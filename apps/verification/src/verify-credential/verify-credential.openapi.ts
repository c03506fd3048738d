import type { SchemaObject } from '@nestjs/swagger';

/** OpenAPI descriptions of the verification endpoints' bodies (documentation only; requests are parsed by zod). */

const credentialValue: SchemaObject = {
  oneOf: [
    { type: 'string', description: 'A compact VC-JWT (OB 3.0 JWT proof format).', example: 'eyJhbGciOiJFUzI1NiIs...' },
    {
      type: 'object',
      description: 'An EnvelopedVerifiableCredential whose id is a data:application/vc+jwt,<token> URL.',
      properties: {
        '@context': { type: 'array', items: { type: 'string' } },
        type: { type: 'string', example: 'EnvelopedVerifiableCredential' },
        id: { type: 'string', example: 'data:application/vc+jwt,eyJhbGciOiJFUzI1NiIs...' },
      },
      required: ['type', 'id'],
    },
  ],
};

export const VCALM_VERIFY_REQUEST: SchemaObject = {
  type: 'object',
  required: ['verifiableCredential'],
  properties: {
    verifiableCredential: credentialValue,
    options: {
      type: 'object',
      additionalProperties: true,
      description: 'VCALM verification options; credstream reads recipient, verifier and channel.',
      properties: {
        recipient: { type: 'object', properties: { email: { type: 'string' }, did: { type: 'string' } } },
        verifier: {
          type: 'object',
          properties: { organization: { type: 'string' }, sector: { type: 'string' }, country: { type: 'string' } },
        },
        channel: { type: 'string', enum: ['api', 'embed', 'wallet'] },
      },
    },
  },
};

export const FRIENDLY_VERIFY_REQUEST: SchemaObject = {
  type: 'object',
  required: ['credential'],
  properties: {
    credential: credentialValue,
    recipient: {
      type: 'object',
      description:
        'Who the verifier expects the credential to belong to (one of the two); checked against its salted hash.',
      properties: { email: { type: 'string', format: 'email' }, did: { type: 'string', example: 'did:key:z6Mk...' } },
    },
    channel: { type: 'string', enum: ['api', 'embed', 'wallet'], description: 'Where the verification happens.' },
    verifier: {
      type: 'object',
      description: 'The organisation verifying, when it says who it is (or X-Verifier-* headers).',
      properties: {
        organization: { type: 'string' },
        sector: { type: 'string', description: 'ISIC code', example: 'J62' },
        country: { type: 'string', description: 'ISO 3166-1 alpha-2', example: 'PT' },
      },
    },
  },
};

export const UPLOAD_VERIFY_REQUEST: SchemaObject = {
  type: 'object',
  description: 'multipart/form-data: a baked badge image, or a credential as a text field.',
  properties: {
    file: { type: 'string', format: 'binary', description: 'A baked PNG or SVG badge (or a .jwt text file).' },
    credential: { type: 'string', description: 'A compact VC-JWT, when no file is sent.' },
    recipientEmail: { type: 'string', format: 'email' },
    recipientDid: { type: 'string' },
  },
};

const problemDetail: SchemaObject = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    detail: { type: 'string' },
    check: { type: 'string' },
    reasonCode: { type: 'string', example: 'SIGNATURE_INVALID' },
  },
};

export const VERIFICATION_RESULT: SchemaObject = {
  type: 'object',
  required: ['verified', 'checks', 'problemDetails', 'warnings'],
  properties: {
    verified: { type: 'boolean' },
    checks: {
      type: 'array',
      description: 'Every check in the OB 3.0 order, each passed, failed or skipped with a stable reason code.',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', example: 'signature' },
          status: { type: 'string', enum: ['passed', 'failed', 'skipped'] },
          code: { type: 'string' },
          message: { type: 'string' },
          required: { type: 'boolean' },
          blockedBy: { type: 'string' },
        },
      },
    },
    problemDetails: { type: 'array', items: problemDetail, description: 'One per failed required check.' },
    warnings: { type: 'array', items: problemDetail, description: 'One per failed check that is not required.' },
  },
};

export const FRIENDLY_VERIFICATION_RESULT: SchemaObject = {
  ...VERIFICATION_RESULT,
  properties: {
    ...VERIFICATION_RESULT.properties,
    credential: {
      type: 'object',
      additionalProperties: true,
      description: 'The decoded credential when it could be read; trust its content only when verified is true.',
    },
    issuer: {
      type: 'object',
      description: 'Set when the issuer is registered with credstream.',
      properties: { name: { type: 'string' }, tenantId: { type: 'string' } },
    },
  },
};
