import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  buildOpenBadgeCredential,
  credentialJwtPayloadJson,
  type BuildOpenBadgeCredentialInput,
  type JwtSignableCredential,
} from '@credstream/open-badges';

export interface EcKey {
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function generateEcKey(): EcKey {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey: pair.privateKey,
    publicJwk: pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>,
  };
}

/** An OB 3.0 VC-JWT signed as issuance signs it (header alg, kid, typ). */
export function signCredential(credential: JwtSignableCredential, key: EcKey, kid: string): string {
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', kid, typ: 'JWT' }))}.${b64url(credentialJwtPayloadJson(credential))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64url(signature)}`;
}

/** A typical credential: one achievement with criteria, an email recipient (salted hash), a year of validity. */
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
    recipient: { email: 'ana.silva@example.org', salt: 'q8R2xVb1' },
    validFrom: new Date(Date.now() - 86_400_000),
    validUntil: new Date(Date.now() + 365 * 86_400_000),
    ...overrides,
  });
}
