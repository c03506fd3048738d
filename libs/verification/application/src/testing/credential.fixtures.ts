import {
  BitstringStatusList,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  buildStatusListEntry,
  credentialJwtPayloadJson,
  encodeJwsHeader,
  jwsSigningInputFromParts,
  type BuildOpenBadgeCredentialInput,
  type JwtSignableCredential,
  type OpenBadgeCredential,
  type StatusPurpose,
} from '@credstream/open-badges';
import { signJws, type TestKey } from './test-keys.fixtures';

export const ISSUER_DID = 'did:web:uni.example:issuers:5d1c1f0e-6a43-4a55-9d1b-2f5b8f8c1a01';
export const KID = `${ISSUER_DID}#key-1`;
export const RECIPIENT_EMAIL = 'ana.silva@example.org';
export const REVOCATION_LIST_URL = 'https://uni.example/status/revocation/1';
export const SUSPENSION_LIST_URL = 'https://uni.example/status/suspension/1';
export const STATUS_INDEX = 94567;
/** Inside the sample credential's validity period (2026-06-30 to 2029-06-30). */
export const NOW = new Date('2027-01-15T12:00:00Z');

export function credentialInput(overrides: Partial<BuildOpenBadgeCredentialInput> = {}): BuildOpenBadgeCredentialInput {
  return {
    id: '9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c',
    issuer: { id: ISSUER_DID, name: 'Universidade Exemplo', url: 'https://uni.example' },
    achievement: {
      id: 'https://uni.example/achievements/data-engineering',
      name: 'Data Engineering Fundamentals',
      description: 'Designs and operates batch and streaming data pipelines.',
      criteria: { narrative: 'Passed the final project.' },
    },
    recipient: { email: RECIPIENT_EMAIL, salt: 'q8R2xVb1' },
    validFrom: '2026-06-30T09:15:00Z',
    validUntil: '2029-06-30T09:15:00Z',
    credentialStatus: buildStatusListEntry({
      statusListCredential: REVOCATION_LIST_URL,
      statusListIndex: STATUS_INDEX,
      statusPurpose: 'revocation',
    }),
    ...overrides,
  };
}

export function sampleCredential(overrides: Partial<BuildOpenBadgeCredentialInput> = {}): OpenBadgeCredential {
  return buildOpenBadgeCredential(credentialInput(overrides));
}

export function jwtFromParts(header: object, payloadJson: string, key: TestKey): string {
  const signingInput = jwsSigningInputFromParts(encodeJwsHeader(header), payloadJson);
  return `${signingInput}.${signJws(key, signingInput).toString('base64url')}`;
}

/** Signs like issuance does: OB 3.0 JWT proof format, header {alg, kid, typ}. */
export function signCredential(
  credential: JwtSignableCredential,
  key: TestKey,
  header: Record<string, unknown> = { kid: KID },
): string {
  return jwtFromParts({ alg: key.alg, ...header, typ: 'JWT' }, credentialJwtPayloadJson(credential), key);
}

/** A signed status list credential with the given bits set. */
export function signedStatusList(
  key: TestKey,
  options: { url: string; purpose: StatusPurpose; setBits?: number[]; issuer?: string; kid?: string; ttl?: number },
): string {
  const list = BitstringStatusList.create();
  for (const bit of options.setBits ?? []) list.set(bit);
  const credential = buildStatusListCredential({
    id: options.url,
    issuer: options.issuer ?? ISSUER_DID,
    statusPurpose: options.purpose,
    encodedList: list.encode(),
    validFrom: '2026-01-01T00:00:00Z',
    ttl: options.ttl,
  });
  return signCredential(credential as unknown as JwtSignableCredential, key, { kid: options.kid ?? KID });
}

/** Replaces the payload of a signed token, keeping its header and signature. */
export function withPayload(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
