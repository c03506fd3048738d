import { generateKeyPairSync } from 'node:crypto';
import { buildDidDocument } from './did-document.builder';

describe('buildDidDocument', () => {
  const did = 'did:web:credstream.example:issuers:a';
  const es256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const rs256 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });

  it('lists every key as a JsonWebKey2020 method in assertionMethod and authentication', () => {
    const document = buildDidDocument({
      did,
      keys: [
        { id: 'key-1', publicKeyJwk: { ...es256, kty: 'EC' } },
        { id: 'key-2', publicKeyJwk: { ...rs256, kty: 'RSA' } },
      ],
    });
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: did,
      verificationMethod: [
        { id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: es256 },
        { id: `${did}#key-2`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: rs256 },
      ],
      assertionMethod: [`${did}#key-1`, `${did}#key-2`],
      authentication: [`${did}#key-1`, `${did}#key-2`],
    });
  });

  it('refuses private key material, duplicate and malformed fragments', () => {
    const privateJwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    expect(() =>
      buildDidDocument({ did, keys: [{ id: 'key-1', publicKeyJwk: { ...privateJwk, kty: 'EC' } }] }),
    ).toThrow(/private/);
    const key = { id: 'key-1', publicKeyJwk: { ...es256, kty: 'EC' } };
    expect(() => buildDidDocument({ did, keys: [key, key] })).toThrow(/duplicate/);
    expect(() => buildDidDocument({ did, keys: [{ ...key, id: 'a#b' }] })).toThrow(/fragment/);
  });
});
