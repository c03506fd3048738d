import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  buildOpenBadgeCredential,
  credentialJwtPayloadJson,
  type BuildOpenBadgeCredentialInput,
  type JwtSignableCredential,
} from '@credstream/open-badges';

/** Test support: real P-256 keys and OB 3.0 VC-JWTs signed the way issuance signs them. */
export interface EcKey {
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function generateEcKey(): EcKey {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey: pair.privateKey,
    publicJwk: pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>,
  };
}

export function signJwt(header: Record<string, unknown>, payloadJson: string, key: EcKey): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(payloadJson)}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64url(signature)}`;
}

export function signCredential(credential: JwtSignableCredential, key: EcKey, kid: string): string {
  return signJwt({ alg: 'ES256', kid, typ: 'JWT' }, credentialJwtPayloadJson(credential), key);
}

/** HS256 over the payload with the issuer's public key as the secret (the algorithm-confusion attack). */
export function hmacWithPublicKey(token: string, key: EcKey, kid: string): string {
  const payload = token.split('.')[1];
  const signingInput = `${b64url(JSON.stringify({ alg: 'HS256', kid, typ: 'JWT' }))}.${payload}`;
  const secret = JSON.stringify(key.publicJwk);
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

export function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64url(JSON.stringify(payload))}.${signature}`;
}

export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const RECIPIENT_EMAIL = 'ana.silva@example.org';

export function credentialFor(
  issuerDid: string,
  id: string,
  overrides: Partial<BuildOpenBadgeCredentialInput> = {},
): JwtSignableCredential {
  return buildOpenBadgeCredential({
    id,
    issuer: { id: issuerDid, name: 'Universidade Exemplo', url: 'https://uni.example' },
    achievement: {
      id: 'https://uni.example/achievements/data-engineering',
      name: 'Data Engineering Fundamentals',
      description: 'Designs and operates batch and streaming data pipelines.',
      criteria: { narrative: 'Passed the final project.' },
    },
    recipient: { email: RECIPIENT_EMAIL, salt: 'q8R2xVb1' },
    validFrom: new Date(Date.now() - 86_400_000),
    validUntil: new Date(Date.now() + 365 * 86_400_000),
    ...overrides,
  });
}
