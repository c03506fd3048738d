import type { Failure } from '../checks/check-result';
import type { AllowedAlgorithm } from '../policy/verification-policy';
import type { PublicJwk } from './public-jwk';

const KEY_TYPES: Record<AllowedAlgorithm, { kty: string; crv?: string; members: string[] }> = {
  ES256: { kty: 'EC', crv: 'P-256', members: ['x', 'y'] },
  RS256: { kty: 'RSA', members: ['n', 'e'] },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', members: ['x'] },
};

/**
 * The key must fit the header's algorithm (RFC 8725 §3.1: never let the token pick how a key is used), be
 * meant for signatures, and for RSA be long enough.
 */
export function checkKeySuitability(
  jwk: PublicJwk,
  alg: AllowedAlgorithm,
  minRsaModulusBits: number,
): Failure | undefined {
  const expected = KEY_TYPES[alg];
  if (jwk.kty !== expected.kty || (expected.crv !== undefined && jwk['crv'] !== expected.crv)) {
    return unsuitable(`${alg} needs a ${expected.kty}${expected.crv ? ` ${expected.crv}` : ''} key`);
  }
  if (!expected.members.every((member) => typeof jwk[member] === 'string' && jwk[member] !== '')) {
    return unsuitable(`the ${expected.kty} key lacks ${expected.members.join(' or ')}`);
  }
  if (jwk['alg'] !== undefined && jwk['alg'] !== alg)
    return unsuitable(`the key is for ${String(jwk['alg'])}, not ${alg}`);
  if (jwk['use'] !== undefined && jwk['use'] !== 'sig') return unsuitable('the key is not meant for signatures');
  const ops = jwk['key_ops'];
  if (Array.isArray(ops) && !ops.includes('verify')) return unsuitable('the key is not meant to verify signatures');
  if (alg === 'RS256') {
    const bits = Buffer.from(jwk['n'] as string, 'base64url').length * 8;
    if (bits < minRsaModulusBits) return unsuitable(`the RSA key has ${bits} bits, fewer than ${minRsaModulusBits}`);
  }
  return undefined;
}

const unsuitable = (message: string): Failure => ({ code: 'KEY_UNSUITABLE', message });
