import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { contractFor, EventEnvelope, toKafkaMessage, topicOf } from '@credstream/contracts';
import { generateApiKey, GeneratedApiKey } from '@credstream/access';
import type { Producer } from 'kafkajs';

/** Builders for valid catalogue events, and the scripted scenario the integration tests assert on. */
export function envelope(
  type: string,
  tenantId: string,
  aggregateId: string,
  data: unknown,
  at: string,
): EventEnvelope {
  const contract = contractFor(type);
  if (!contract) throw new Error(`unknown event type ${type}`);
  return {
    id: uuidv7(),
    type,
    source: contract.source === 'partner' ? 'partner:test-hr' : contract.source,
    aggregateType: contract.aggregateType,
    aggregateId,
    aggregateVersion: 1,
    tenantId,
    occurredAt: at,
    correlationId: uuidv7(),
    causationId: null,
    data,
  };
}

export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const id = (n: number) => `01932c8e-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export async function publish(producer: Producer, events: readonly EventEnvelope[]): Promise<void> {
  for (const event of events) {
    const topic = topicOf(event.type);
    if (!topic) throw new Error(`no topic for ${event.type}`);
    await producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
  }
}

export interface Scenario {
  events: EventEnvelope[];
  keyA: GeneratedApiKey;
  keyB: GeneratedApiKey;
  tenantA: string;
  tenantB: string;
  achievementId: string;
  issuerId: string;
  recipientKeys: string[];
  recipientIds: string[];
}

/**
 * Tenant A (PT, higher education): 3 credentials of one achievement (skills "data analytics" and "python"),
 * 2 claimed (after 24 h and 72 h), 2 shares (linkedin, email), 4 views from GB, DE, US (3 unique viewers),
 * 3 verifications by two employers (Acme, information-technology, DE: 1 passed; Beta Bank, finance, NL: 1 passed,
 * 1 failed STATUS_REVOKED), 1 revoked, 2 employment outcomes (hired 60 days and 150 days after issue).
 * Tenant B: 1 credential. API keys: A has analytics-read + admin, B has analytics-read.
 */
export function buildScenario(): Scenario {
  const tenantA = 'uni-a';
  const tenantB = 'uni-b';
  const keyA = generateApiKey();
  const keyB = generateApiKey();
  const issuerId = id(1);
  const issuerB = id(2);
  const achievementId = id(10);
  const achievementB = id(11);
  const credentials = [id(100), id(101), id(102)];
  const credentialB = id(103);
  const recipientKeys = ['ana', 'bruno', 'carla'].map((name) => sha256(`${name}@example.org`));
  const recipientIds = [id(200), id(201), id(202)];
  const issuedAt = '2026-06-01T10:00:00.000Z';
  const plusDays = (days: number) => new Date(Date.parse(issuedAt) + days * 86_400_000).toISOString();
  const viewers = ['v1', 'v2', 'v3'].map(sha256);
  const e = envelope;
  const events: EventEnvelope[] = [
    e(
      'tenant.created.v1',
      tenantA,
      tenantA,
      { tenantId: tenantA, name: 'University A', country: 'PT', sector: 'higher-education' },
      '2026-01-01T00:00:00.000Z',
    ),
    e(
      'tenant.created.v1',
      tenantB,
      tenantB,
      { tenantId: tenantB, name: 'University B', country: 'ES' },
      '2026-01-01T00:00:00.000Z',
    ),
    e(
      'api-key.created.v1',
      tenantA,
      tenantA,
      {
        keyId: keyA.keyId,
        name: 'dashboards',
        prefix: keyA.prefix,
        hash: keyA.hash,
        scopes: ['analytics-read', 'admin'],
      },
      '2026-01-01T00:00:01.000Z',
    ),
    e(
      'api-key.created.v1',
      tenantB,
      tenantB,
      { keyId: keyB.keyId, name: 'dashboards', prefix: keyB.prefix, hash: keyB.hash, scopes: ['analytics-read'] },
      '2026-01-01T00:00:01.000Z',
    ),
    e(
      'issuer.created.v1',
      tenantA,
      issuerId,
      { issuerId, did: `did:web:example:issuers:${issuerId}`, name: 'Faculty of Science', email: 'dean@example.org' },
      '2026-01-02T00:00:00.000Z',
    ),
    e(
      'achievement.created.v1',
      tenantA,
      achievementId,
      {
        achievementId,
        issuerId,
        revision: 1,
        name: 'Data Analysis with Python',
        description: 'd',
        criteria: { narrative: 'n' },
        achievementType: 'Course',
        alignments: [
          {
            targetName: 'data analytics',
            targetUrl: 'http://data.europa.eu/esco/skill/data-analytics',
            targetFramework: 'ESCO',
          },
          { targetName: 'python', targetUrl: 'http://data.europa.eu/esco/skill/python', targetFramework: 'ESCO' },
        ],
      },
      '2026-01-03T00:00:00.000Z',
    ),
    e(
      'achievement.created.v1',
      tenantB,
      achievementB,
      { achievementId: achievementB, issuerId: issuerB, revision: 1, name: 'B course', description: 'd', criteria: {} },
      '2026-01-03T00:00:00.000Z',
    ),
    ...credentials.map((credentialId, index) =>
      e(
        'credential.issued.v1',
        tenantA,
        credentialId,
        {
          credentialId,
          issuerId,
          issuerDid: `did:web:example:issuers:${issuerId}`,
          achievementId,
          achievementRevision: 1,
          recipient: {
            identityType: 'emailAddress',
            identityHash: `sha256$${sha256('salted' + index)}`,
            salt: 'x',
            recipientKey: recipientKeys[index],
          },
          recipientEmail: `person${index}@example.org`,
          recipientName: `Person ${index}`,
          validFrom: issuedAt,
          validUntil: null,
          jwt: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
          trigger: { kind: 'api' },
          cohort: '2026-spring',
        },
        issuedAt,
      ),
    ),
    e(
      'credential.issued.v1',
      tenantB,
      credentialB,
      {
        credentialId: credentialB,
        issuerId: issuerB,
        issuerDid: 'did:web:b',
        achievementId: achievementB,
        achievementRevision: 1,
        recipient: {
          identityType: 'emailAddress',
          identityHash: 'sha256$00',
          recipientKey: sha256('dora@example.org'),
        },
        validFrom: issuedAt,
        validUntil: null,
        jwt: 'x.y.z',
        trigger: { kind: 'bulk' },
      },
      issuedAt,
    ),
    e(
      'credential.claimed.v1',
      tenantA,
      recipientIds[0] as string,
      { credentialId: credentials[0], recipientId: recipientIds[0], claimedAt: plusDays(1) },
      plusDays(1),
    ),
    e(
      'credential.claimed.v1',
      tenantA,
      recipientIds[1] as string,
      { credentialId: credentials[1], recipientId: recipientIds[1], claimedAt: plusDays(3) },
      plusDays(3),
    ),
    e(
      'share.created.v1',
      tenantA,
      id(300),
      {
        shareId: id(300),
        credentialId: credentials[0],
        recipientId: recipientIds[0],
        channel: 'linkedin',
        expiresAt: null,
      },
      plusDays(4),
    ),
    e(
      'share.created.v1',
      tenantA,
      id(301),
      {
        shareId: id(301),
        credentialId: credentials[1],
        recipientId: recipientIds[1],
        channel: 'email',
        expiresAt: null,
      },
      plusDays(4),
    ),
    e(
      'share.viewed.v1',
      tenantA,
      id(300),
      {
        shareId: id(300),
        credentialId: credentials[0],
        channel: 'linkedin',
        viewerHash: viewers[0],
        country: 'GB',
        referrerHost: 'www.linkedin.com',
      },
      plusDays(5),
    ),
    e(
      'share.viewed.v1',
      tenantA,
      id(300),
      {
        shareId: id(300),
        credentialId: credentials[0],
        channel: 'linkedin',
        viewerHash: viewers[1],
        country: 'DE',
        referrerHost: null,
      },
      plusDays(5),
    ),
    e(
      'share.viewed.v1',
      tenantA,
      id(300),
      {
        shareId: id(300),
        credentialId: credentials[0],
        channel: 'linkedin',
        viewerHash: viewers[2],
        country: 'US',
        referrerHost: null,
      },
      plusDays(6),
    ),
    e(
      'share.viewed.v1',
      tenantA,
      id(301),
      {
        shareId: id(301),
        credentialId: credentials[1],
        channel: 'email',
        viewerHash: viewers[1],
        country: 'DE',
        referrerHost: null,
      },
      plusDays(6),
    ),
    e(
      'credential.revoked.v1',
      tenantA,
      credentials[2] as string,
      { credentialId: credentials[2], revokedAt: plusDays(10), reason: 'issued in error' },
      plusDays(10),
    ),
    e(
      'credential.verified.v1',
      tenantA,
      id(400),
      {
        verificationId: id(400),
        credentialId: credentials[0],
        issuerDid: 'did:web:a',
        issuerKnown: true,
        verified: true,
        checks: [{ name: 'signature', status: 'passed' }],
        channel: 'api',
        verifier: { organization: 'Acme Analytics', sector: 'information-technology', country: 'DE' },
      },
      plusDays(20),
    ),
    e(
      'credential.verified.v1',
      tenantA,
      id(401),
      {
        verificationId: id(401),
        credentialId: credentials[1],
        issuerDid: 'did:web:a',
        issuerKnown: true,
        verified: true,
        checks: [{ name: 'signature', status: 'passed' }],
        channel: 'page',
        verifier: { organization: 'Beta Bank', sector: 'finance', country: 'NL' },
      },
      plusDays(25),
    ),
    e(
      'credential.verified.v1',
      tenantA,
      id(402),
      {
        verificationId: id(402),
        credentialId: credentials[2],
        issuerDid: 'did:web:a',
        issuerKnown: true,
        verified: false,
        checks: [
          { name: 'signature', status: 'passed' },
          { name: 'status', status: 'failed', code: 'STATUS_REVOKED' },
        ],
        channel: 'api',
        verifier: { organization: 'Beta Bank', sector: 'finance', country: 'NL' },
      },
      plusDays(30),
    ),
    e(
      'person.hired.v1',
      tenantA,
      recipientKeys[0] as string,
      {
        person: { recipientKey: recipientKeys[0] },
        employer: { name: 'Acme Analytics', sector: 'information-technology', country: 'DE' },
        role: 'Junior Data Analyst',
        startedAt: plusDays(60),
      },
      plusDays(60),
    ),
    e(
      'person.hired.v1',
      tenantA,
      recipientKeys[1] as string,
      {
        person: { recipientKey: recipientKeys[1] },
        employer: { name: 'Beta Bank', sector: 'finance', country: 'NL' },
        startedAt: plusDays(150),
      },
      plusDays(150),
    ),
  ];
  return { events, keyA, keyB, tenantA, tenantB, achievementId, issuerId, recipientKeys, recipientIds };
}
