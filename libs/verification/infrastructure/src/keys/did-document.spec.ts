import { assertionKeyOf, jwkAt } from './did-document';

const did = 'did:web:issuer.example';
const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

describe('assertionKeyOf', () => {
  it('matches relative method ids and relative assertionMethod references to the absolute kid', () => {
    const document = {
      id: did,
      verificationMethod: [{ id: '#key-1', publicKeyJwk: jwk }],
      assertionMethod: ['#key-1'],
    };
    expect(assertionKeyOf(document, did, `${did}#key-1`)).toEqual({ ok: true, jwk });
  });

  it('accepts a method embedded in assertionMethod', () => {
    const document = { id: did, assertionMethod: [{ id: `${did}#key-2`, publicKeyJwk: jwk }] };
    expect(assertionKeyOf(document, did, `${did}#key-2`)).toEqual({ ok: true, jwk });
  });

  it('matches ids exactly, not by prefix or fragment alone', () => {
    const document = {
      id: did,
      verificationMethod: [{ id: `${did}#key-10`, publicKeyJwk: jwk }],
      assertionMethod: [`${did}#key-10`],
    };
    expect(assertionKeyOf(document, did, `${did}#key-1`)).toMatchObject({ ok: false, code: 'KEY_NOT_FOUND' });
    expect(assertionKeyOf(document, did, 'did:web:other.example#key-10')).toMatchObject({ code: 'KEY_NOT_FOUND' });
  });

  it('refuses a method without a public JWK', () => {
    const document = {
      id: did,
      verificationMethod: [{ id: '#k', publicKeyMultibase: 'z6Mk' }],
      assertionMethod: ['#k'],
    };
    expect(assertionKeyOf(document, did, `${did}#k`)).toMatchObject({ ok: false, code: 'KEY_UNSUITABLE' });
  });
});

describe('jwkAt', () => {
  it('takes a bare JWK, or the JWKS member named by the kid URL or its fragment', () => {
    expect(jwkAt(jwk, 'https://issuer.example/key.json')).toEqual({ ok: true, jwk });
    const url = 'https://issuer.example/jwks.json';
    expect(jwkAt({ keys: [{ ...jwk, kid: `${url}#a` }] }, `${url}#a`)).toMatchObject({ ok: true });
    expect(jwkAt({ keys: [{ ...jwk, kid: 'a' }] }, `${url}#a`)).toMatchObject({ ok: true });
    expect(jwkAt({ keys: [{ ...jwk, kid: 'a' }] }, `${url}#b`)).toMatchObject({ ok: false, code: 'KEY_NOT_FOUND' });
    expect(jwkAt({ ...jwk, d: 'x' }, url)).toMatchObject({ ok: false, code: 'KEY_UNSUITABLE' });
  });
});
