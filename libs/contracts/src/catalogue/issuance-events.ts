import { TOPICS } from '../topics';
import type { EventContract, JsonSchema } from './event-contract';
import {
  countryCode,
  email,
  integer,
  list,
  nullable,
  object,
  oneOf,
  sha256Hex,
  text,
  timestamp,
  url,
  uuid,
} from './schema-builders';

const API_KEY_SCOPES = ['issue', 'revoke', 'admin', 'analytics-read'] as const;
const SIGNING_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'] as const;

const alignment = object(
  'Alignment to a skill framework entry (ESCO, O*NET...)',
  { targetName: text('name of the skill or occupation'), targetUrl: url('canonical URL of the framework entry') },
  {
    targetCode: text('code within the framework'),
    targetFramework: text('framework name, e.g. ESCO'),
    targetDescription: text('description'),
  },
);

const achievementDefinition: Record<string, JsonSchema> = {
  achievementId: uuid('achievement id'),
  issuerId: uuid('issuer profile that awards it'),
  revision: integer('revision number, 1 for the first definition', 1),
  name: text('name'),
  description: text('description'),
  criteria: object('what earning it requires', {}, { narrative: text('criteria in words'), id: url('criteria page') }),
};

const achievementOptional: Record<string, JsonSchema> = {
  achievementType: text('OB 3.0 achievementType, e.g. Certificate, Course, Badge'),
  imageUrl: url('badge image'),
  tags: list(text('tag'), 'free-form tags'),
  alignments: list(alignment, 'skill framework alignments'),
  creditsAvailable: { type: 'number', minimum: 0, description: 'credits' },
};

const recipient = object(
  'who the credential is for; never the plain identity except in recipientEmail',
  {
    identityType: oneOf('how the recipient is identified', ['emailAddress', 'did']),
    identityHash: text('OB 3.0 IdentityObject identityHash, e.g. sha256$<hex> (salted)'),
    recipientKey: sha256Hex('sha256 of the normalised (trimmed, lower-case) email or DID: joins partner outcomes'),
  },
  { salt: text('salt of identityHash'), did: text('recipient DID when identityType is did') },
);

export const ISSUANCE_EVENTS: EventContract[] = [
  {
    type: 'tenant.created.v1',
    topic: TOPICS.issuanceTenant,
    source: 'issuance',
    aggregateType: 'tenant',
    summary: 'An institution was registered on credstream.',
    dataSchema: object(
      'tenant',
      { tenantId: text('tenant id'), name: text('institution name'), country: countryCode('home country') },
      { sector: text('sector, e.g. higher-education') },
    ),
    example: { tenantId: 'uni-lisbon', name: 'University of Lisbon', country: 'PT', sector: 'higher-education' },
  },
  {
    type: 'api-key.created.v1',
    topic: TOPICS.issuanceTenant,
    source: 'issuance',
    aggregateType: 'tenant',
    summary: 'An API key was created for a tenant. Carries the key hash and scopes, never the secret.',
    dataSchema: object('API key', {
      keyId: text('key id'),
      name: text('label given by the tenant'),
      prefix: text('first characters of the key, shown to people to tell keys apart'),
      hash: sha256Hex('sha256 of the secret key'),
      scopes: list(oneOf('scope', API_KEY_SCOPES), 'what the key may do'),
    }),
    example: {
      keyId: 'key_01',
      name: 'registrar integration',
      prefix: 'cs_live_4f2a',
      hash: 'a3f1c6d2e4b5a6978877665544332211a3f1c6d2e4b5a6978877665544332211',
      scopes: ['issue', 'revoke'],
    },
  },
  {
    type: 'api-key.revoked.v1',
    topic: TOPICS.issuanceTenant,
    source: 'issuance',
    aggregateType: 'tenant',
    summary: 'An API key was revoked; every service stops accepting it.',
    dataSchema: object('revocation', { keyId: text('key id') }),
    example: { keyId: 'key_01' },
  },
  {
    type: 'issuer.created.v1',
    topic: TOPICS.issuanceIssuer,
    source: 'issuance',
    aggregateType: 'issuer',
    summary: 'An issuer profile (OB 3.0 Profile) with its did:web identity was created.',
    dataSchema: object(
      'issuer profile',
      { issuerId: uuid('issuer id'), did: text('issuer DID, e.g. did:web:...'), name: text('name') },
      {
        url: url('homepage'),
        email: email('contact email'),
        description: text('description'),
        imageUrl: url('logo'),
      },
    ),
    example: {
      issuerId: '01932c8e-0000-7000-8000-000000000001',
      did: 'did:web:credstream.example:issuers:01932c8e-0000-7000-8000-000000000001',
      name: 'University of Lisbon — Faculty of Science',
      url: 'https://ciencias.example',
    },
  },
  {
    type: 'issuer.key-activated.v1',
    topic: TOPICS.issuanceIssuer,
    source: 'issuance',
    aggregateType: 'issuer',
    summary: 'A signing key became the issuer’s active key. Older keys stay valid for verification.',
    dataSchema: object('public signing key', {
      issuerId: uuid('issuer id'),
      kid: text('verification method id, equal to the JWT kid'),
      alg: oneOf('JWS algorithm', SIGNING_ALGORITHMS),
      publicKeyJwk: { type: 'object', required: ['kty'], description: 'public JWK (no private members)' },
      replacesKid: nullable(text('previous active key')),
    }),
    example: {
      issuerId: '01932c8e-0000-7000-8000-000000000001',
      kid: 'did:web:credstream.example:issuers:01932c8e-0000-7000-8000-000000000001#key-1',
      alg: 'ES256',
      publicKeyJwk: {
        kty: 'EC',
        crv: 'P-256',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
      },
      replacesKid: null,
    },
  },
  {
    type: 'achievement.created.v1',
    topic: TOPICS.issuanceAchievement,
    source: 'issuance',
    aggregateType: 'achievement',
    summary: 'An OB 3.0 Achievement was defined.',
    dataSchema: object('achievement definition', achievementDefinition, achievementOptional),
    example: {
      achievementId: '01932c8e-0000-7000-8000-000000000002',
      issuerId: '01932c8e-0000-7000-8000-000000000001',
      revision: 1,
      name: 'Data Analysis with Python',
      description: 'Cleans, analyses and visualises data sets with Python.',
      criteria: { narrative: 'Passed the final project with at least 70%.' },
      achievementType: 'Course',
      alignments: [
        {
          targetName: 'data analytics',
          targetUrl: 'http://data.europa.eu/esco/skill/2a4f9e3b-1b9c-4c31-9c33-0fd1d0a7dc5c',
          targetFramework: 'ESCO',
        },
      ],
    },
  },
  {
    type: 'achievement.revised.v1',
    topic: TOPICS.issuanceAchievement,
    source: 'issuance',
    aggregateType: 'achievement',
    summary: 'An Achievement got a new revision; credentials record the revision they were issued from.',
    dataSchema: object('achievement definition', achievementDefinition, achievementOptional),
    example: {
      achievementId: '01932c8e-0000-7000-8000-000000000002',
      issuerId: '01932c8e-0000-7000-8000-000000000001',
      revision: 2,
      name: 'Data Analysis with Python',
      description: 'Cleans, analyses and visualises data sets with Python and pandas.',
      criteria: { narrative: 'Passed the final project with at least 70%.' },
    },
  },
  {
    type: 'achievement.archived.v1',
    topic: TOPICS.issuanceAchievement,
    source: 'issuance',
    aggregateType: 'achievement',
    summary: 'An Achievement can no longer be awarded; issued credentials stay valid.',
    dataSchema: object('archived achievement', { achievementId: uuid('achievement id') }),
    example: { achievementId: '01932c8e-0000-7000-8000-000000000002' },
  },
  {
    type: 'credential.issued.v1',
    topic: TOPICS.issuanceCredential,
    source: 'issuance',
    aggregateType: 'credential',
    summary: 'An Open Badges 3.0 credential was issued and signed as a VC-JWT.',
    dataSchema: object(
      'issued credential',
      {
        credentialId: uuid('credential id (urn:uuid:<id> in the credential)'),
        issuerId: uuid('issuer profile'),
        issuerDid: text('issuer DID'),
        achievementId: uuid('achievement'),
        achievementRevision: integer('achievement revision it was issued from', 1),
        recipient,
        validFrom: timestamp('validFrom of the credential'),
        validUntil: nullable(timestamp('validUntil of the credential')),
        jwt: text('the compact VC-JWT as issued'),
        trigger: object(
          'what caused the issuance',
          { kind: oneOf('cause', ['api', 'bulk', 'partner']) },
          { reference: text('batch id or partner event id') },
        ),
      },
      {
        recipientEmail: email('for delivery only (the claim mail); analytics never stores it'),
        recipientName: text('display name for the credential page'),
        cohort: text('cohort label, e.g. 2026-spring'),
        statusListIndex: integer('index in the issuer’s revocation status list'),
        statusListId: url('status list credential URL'),
      },
    ),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      issuerId: '01932c8e-0000-7000-8000-000000000001',
      issuerDid: 'did:web:credstream.example:issuers:01932c8e-0000-7000-8000-000000000001',
      achievementId: '01932c8e-0000-7000-8000-000000000002',
      achievementRevision: 1,
      recipient: {
        identityType: 'emailAddress',
        identityHash: 'sha256$7d2f0ab8c1f1c3e3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9',
        salt: 'q8R2x',
        recipientKey: '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d',
      },
      recipientEmail: 'ana.silva@example.org',
      validFrom: '2026-06-30T00:00:00.000Z',
      validUntil: null,
      jwt: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRpZDp3ZWI6Li4uI2tleS0xIiwidHlwIjoiSldUIn0.eyJpc3MiOiJkaWQ6d2ViOi4uLiJ9.c2lnbmF0dXJl',
      trigger: { kind: 'partner', reference: '01932c8e-0000-7000-8000-0000000000aa' },
      cohort: '2026-spring',
    },
  },
  {
    type: 'credential.revoked.v1',
    topic: TOPICS.issuanceCredential,
    source: 'issuance',
    aggregateType: 'credential',
    summary: 'A credential was revoked; its status list bit is set.',
    dataSchema: object(
      'revocation',
      { credentialId: uuid('credential id'), revokedAt: timestamp('when') },
      { reason: text('reason given by the issuer') },
    ),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      revokedAt: '2026-09-01T12:00:00.000Z',
      reason: 'issued in error',
    },
  },
  {
    type: 'credential.suspended.v1',
    topic: TOPICS.issuanceCredential,
    source: 'issuance',
    aggregateType: 'credential',
    summary: 'A credential was suspended (temporarily invalid); its suspension status list bit is set.',
    dataSchema: object('suspension', {
      credentialId: uuid('credential id'),
      suspendedAt: timestamp('when'),
      reason: text('reason given by the issuer'),
    }),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      suspendedAt: '2026-09-01T12:00:00.000Z',
      reason: 'under review',
    },
  },
  {
    type: 'credential.reinstated.v1',
    topic: TOPICS.issuanceCredential,
    source: 'issuance',
    aggregateType: 'credential',
    summary: 'A suspended credential was reinstated; its suspension status list bit is cleared.',
    dataSchema: object(
      'reinstatement',
      { credentialId: uuid('credential id'), reinstatedAt: timestamp('when') },
      { reason: text('reason given by the issuer') },
    ),
    example: { credentialId: '01932c8e-0000-7000-8000-000000000003', reinstatedAt: '2026-09-15T09:00:00.000Z' },
  },
];
