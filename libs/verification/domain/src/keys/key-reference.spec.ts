import { didKeyFromP256Jwk } from '@credstream/open-badges';
import { generateKeyPairSync } from 'node:crypto';
import { checkKeyBinding, keyReferenceOf } from './key-reference';
import { resolveKeyLocally } from './local-key.resolver';
import { checkKeySuitability } from './key-suitability';
import type { PublicJwk } from './public-jwk';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as PublicJwk;
const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as PublicJwk;
const issuer = 'did:web:uni.example:issuers:1';

describe('key reference and binding', () => {
  it('prefers kid, makes a bare fragment relative to the issuer DID, and needs kid or jwk', () => {
    expect(keyReferenceOf({ kid: '#key-1', jwk: ec }, issuer)).toEqual({
      ok: true,
      reference: { kind: 'kid', kid: `${issuer}#key-1` },
    });
    expect(keyReferenceOf({ jwk: ec }, issuer)).toEqual({ ok: true, reference: { kind: 'jwk', jwk: ec } });
    expect(keyReferenceOf({ jwk: { ...ec, d: 'secret' } }, issuer)).toMatchObject({
      ok: false,
      failure: { code: 'KEY_UNSUITABLE' },
    });
    expect(keyReferenceOf({}, issuer)).toMatchObject({ ok: false, failure: { code: 'KEY_NOT_FOUND' } });
  });

  it.each([
    [`${issuer}#key-1`, issuer, undefined],
    ['did:web:evil.example#key-1', issuer, 'KEY_ISSUER_MISMATCH'],
    [`${issuer}:sub#key-1`, issuer, 'KEY_ISSUER_MISMATCH'],
    ['https://uni.example/keys/1', 'https://uni.example/issuers/1', undefined],
    ['https://evil.example/keys/1', 'https://uni.example/issuers/1', 'KEY_ISSUER_MISMATCH'],
    ['http://uni.example/keys/1', 'http://uni.example/issuers/1', 'KEY_ISSUER_MISMATCH'],
    [`${issuer}#key-1`, undefined, 'KEY_ISSUER_MISMATCH'],
  ])('binds kid %s to issuer %s: %s', (kid, issuerId, expected) => {
    expect(checkKeyBinding({ kind: 'kid', kid }, issuerId)?.code).toBe(expected);
  });

  it('binds an embedded jwk only to its own did:jwk or did:key', () => {
    const didJwk = `did:jwk:${Buffer.from(JSON.stringify(ec)).toString('base64url')}`;
    expect(checkKeyBinding({ kind: 'jwk', jwk: ec }, didJwk)).toBeUndefined();
    expect(checkKeyBinding({ kind: 'jwk', jwk: ec }, didKeyFromP256Jwk(ec as never))).toBeUndefined();
    expect(checkKeyBinding({ kind: 'jwk', jwk: ed }, didJwk)?.code).toBe('KEY_ISSUER_MISMATCH');
    expect(checkKeyBinding({ kind: 'jwk', jwk: ec }, issuer)?.code).toBe('KEY_ISSUER_MISMATCH');
  });
});

describe('resolveKeyLocally', () => {
  it('reads did:key (P-256 and Ed25519) and did:jwk without the network', () => {
    const p256 = didKeyFromP256Jwk(ec as never);
    expect(resolveKeyLocally({ kind: 'kid', kid: `${p256}#${p256.slice(8)}` })).toEqual({ kind: 'resolved', jwk: ec });
    // did:key for the Ed25519 test vector of the did:key spec.
    const edDid = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const edKey = resolveKeyLocally({ kind: 'kid', kid: edDid });
    expect(edKey).toEqual({
      kind: 'resolved',
      jwk: { kty: 'OKP', crv: 'Ed25519', x: 'Lm_M42cB3HkUiODQsXRcweM6TByfzEHGO9ND274JcOY' },
    });
    const didJwk = `did:jwk:${Buffer.from(JSON.stringify(ed)).toString('base64url')}#0`;
    expect(resolveKeyLocally({ kind: 'kid', kid: didJwk })).toEqual({ kind: 'resolved', jwk: ed });
  });

  it('leaves did:web and https to the resolver port, and names broken identifiers', () => {
    expect(resolveKeyLocally({ kind: 'kid', kid: `${issuer}#key-1` })).toEqual({
      kind: 'remote',
      kid: `${issuer}#key-1`,
    });
    expect(resolveKeyLocally({ kind: 'kid', kid: 'did:key:z0OIl' })).toMatchObject({
      kind: 'failed',
      failure: { code: 'KEY_NOT_FOUND' },
    });
    expect(resolveKeyLocally({ kind: 'kid', kid: 'did:jwk:!!' })).toMatchObject({
      kind: 'failed',
      failure: { code: 'KEY_NOT_FOUND' },
    });
  });
});

describe('checkKeySuitability', () => {
  const rsa = (bits: number) =>
    generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' }) as PublicJwk;

  it('matches the key type to the algorithm and refuses short RSA keys', () => {
    expect(checkKeySuitability(ec, 'ES256', 2048)).toBeUndefined();
    expect(checkKeySuitability(ed, 'EdDSA', 2048)).toBeUndefined();
    expect(checkKeySuitability(ec, 'RS256', 2048)?.code).toBe('KEY_UNSUITABLE');
    expect(checkKeySuitability(ed, 'ES256', 2048)?.code).toBe('KEY_UNSUITABLE');
    expect(checkKeySuitability({ ...ec, alg: 'ES384' }, 'ES256', 2048)?.code).toBe('KEY_UNSUITABLE');
    expect(checkKeySuitability({ ...ec, use: 'enc' }, 'ES256', 2048)?.code).toBe('KEY_UNSUITABLE');
    expect(checkKeySuitability(rsa(2048), 'RS256', 2048)).toBeUndefined();
    expect(checkKeySuitability(rsa(1024), 'RS256', 2048)?.message).toContain('1024 bits');
  });
});
