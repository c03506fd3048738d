import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { EventEnvelope } from '@credstream/contracts';
import {
  buildOpenBadgeCredential,
  credentialJwtClaims,
  didKeyFromP256Jwk,
  emailIdentityObject,
  recipientKey,
} from '@credstream/open-badges';
import { v7 as uuidv7 } from 'uuid';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
export const TEST_ISSUER_DID = didKeyFromP256Jwk(publicKey.export({ format: 'jwk' }) as { kty: string });
export const TEST_PUBLIC_KEY = publicKey;
const KID = `${TEST_ISSUER_DID}#${TEST_ISSUER_DID.slice('did:key:'.length)}`;

export interface TestCredential {
  credentialId: string;
  email: string;
  jwt: string;
  credential: ReturnType<typeof buildOpenBadgeCredential>;
}

/** A real OB 3.0 credential signed ES256 by a did:key issuer (what issuance would produce). */
export function issueTestCredential(
  email: string,
  options: { issuerName?: string; achievement?: string; validUntil?: string; credentialId?: string } = {},
): TestCredential {
  const credentialId = options.credentialId ?? randomUUID();
  const credential = buildOpenBadgeCredential({
    id: credentialId,
    issuer: { id: TEST_ISSUER_DID, name: options.issuerName ?? 'University of Lisbon', url: 'https://uni.example' },
    achievement: {
      id: `urn:uuid:${randomUUID()}`,
      name: options.achievement ?? 'Data Analysis with Python',
      description: 'Cleans, analyses and visualises data sets with Python.',
      criteria: { narrative: 'Passed the final project with at least 70%.' },
      achievementType: 'Course',
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'data analytics',
          targetUrl: 'http://data.europa.eu/esco/skill/2a4f9e3b-1b9c-4c31-9c33-0fd1d0a7dc5c',
          targetFramework: 'ESCO',
        },
      ],
      tag: ['python', 'pandas'],
    },
    recipient: { email, salt: 'q8R2x' },
    validFrom: '2026-06-30T00:00:00Z',
    ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    evidence: [
      { id: 'https://uni.example/projects/42', name: 'Final project', narrative: 'A cleaned public data set.' },
    ],
  });
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: KID, typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(credentialJwtClaims(credential))).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return { credentialId, email, jwt: `${header}.${payload}.${signature.toString('base64url')}`, credential };
}

/** `credential.issued.v1` as issuance publishes it. */
export function issuedEvent(credential: TestCredential, tenantId = 'uni-lisbon'): EventEnvelope {
  return envelope('credential.issued.v1', credential.credentialId, tenantId, {
    credentialId: credential.credentialId,
    issuerId: randomUUID(),
    issuerDid: TEST_ISSUER_DID,
    achievementId: randomUUID(),
    achievementRevision: 1,
    recipient: {
      identityType: 'emailAddress',
      identityHash: emailIdentityObject(credential.email, 'q8R2x').identityHash,
      salt: 'q8R2x',
      recipientKey: recipientKey(credential.email),
    },
    recipientEmail: credential.email,
    recipientName: 'Ana Silva',
    validFrom: '2026-06-30T00:00:00.000Z',
    validUntil: null,
    jwt: credential.jwt,
    trigger: { kind: 'api' },
  });
}

export function revokedEvent(credentialId: string, tenantId = 'uni-lisbon'): EventEnvelope {
  return envelope('credential.revoked.v1', credentialId, tenantId, {
    credentialId,
    revokedAt: '2026-09-01T12:00:00.000Z',
    reason: 'issued in error',
  });
}

export function suspendedEvent(credentialId: string, tenantId = 'uni-lisbon'): EventEnvelope {
  return envelope('credential.suspended.v1', credentialId, tenantId, {
    credentialId,
    suspendedAt: '2026-08-01T12:00:00.000Z',
    reason: 'under review',
  });
}

export function reinstatedEvent(credentialId: string, tenantId = 'uni-lisbon'): EventEnvelope {
  return envelope('credential.reinstated.v1', credentialId, tenantId, {
    credentialId,
    reinstatedAt: '2026-08-15T12:00:00.000Z',
  });
}

function envelope(type: string, aggregateId: string, tenantId: string, data: unknown): EventEnvelope {
  return {
    id: uuidv7(),
    type,
    source: 'issuance',
    aggregateType: 'credential',
    aggregateId,
    aggregateVersion: type === 'credential.issued.v1' ? 1 : 2,
    tenantId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data,
  };
}
