import { startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { SafeHttpFetcher } from '../http/safe-http.fetcher';
import { DidWebKeyResolver } from './did-web.key-resolver';

const assertionJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const authJwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

describe('DidWebKeyResolver against a local DID document', () => {
  let server: LocalHttpServer;
  let did: string;
  let now = 0;
  const resolver = () =>
    new DidWebKeyResolver(new SafeHttpFetcher({ allowInsecureLocalhost: true, timeoutMs: 1_000 }), {
      allowInsecureLocalhost: true,
      now: () => now,
    });

  beforeAll(async () => {
    server = await startLocalHttpServer((req, res) => {
      const body =
        req.url === '/.well-known/did.json'
          ? {
              id: did,
              verificationMethod: [
                { id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: assertionJwk },
                { id: '#auth', type: 'JsonWebKey', controller: did, publicKeyJwk: authJwk },
                { id: '#private', type: 'JsonWebKey', controller: did, publicKeyJwk: { ...authJwk, d: 'secret' } },
              ],
              assertionMethod: ['#key-1', `${did}#private`],
              authentication: ['#auth'],
            }
          : req.url === '/issuers/other/did.json'
            ? { id: 'did:web:example.com:issuers:other' }
            : req.url === '/jwks.json'
              ? { keys: [{ ...assertionJwk, kid: 'key-7' }] }
              : undefined;
      if (!body) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' });
      res.end(JSON.stringify(body));
    });
    did = `did:web:localhost%3A${server.port}`;
  });

  afterAll(() => server.close());
  beforeEach(() => {
    now = 0;
    server.requests.length = 0;
  });

  it('returns the publicKeyJwk of the assertion method whose id is the kid (absolute or relative in the document)', async () => {
    await expect(resolver().resolve(`${did}#key-1`)).resolves.toEqual({ ok: true, jwk: assertionJwk });
  });

  it('refuses a method that is not an assertionMethod, an unknown method and a private key', async () => {
    const keys = resolver();
    await expect(keys.resolve(`${did}#auth`)).resolves.toMatchObject({ ok: false, failure: { code: 'KEY_NOT_FOUND' } });
    await expect(keys.resolve(`${did}#key-2`)).resolves.toMatchObject({
      ok: false,
      failure: { code: 'KEY_NOT_FOUND' },
    });
    await expect(keys.resolve(`${did}#key`)).resolves.toMatchObject({ failure: { code: 'KEY_NOT_FOUND' } });
    await expect(keys.resolve(`${did}#private`)).resolves.toMatchObject({ failure: { code: 'KEY_UNSUITABLE' } });
  });

  it('refuses a document whose id is another DID', async () => {
    await expect(resolver().resolve(`${did}:issuers:other#key-1`)).resolves.toMatchObject({
      failure: { code: 'DID_UNRESOLVABLE' },
    });
  });

  it('caches the document per its max-age, then fetches again', async () => {
    const keys = resolver();
    await keys.resolve(`${did}#key-1`);
    await keys.resolve(`${did}#auth`);
    await Promise.all([keys.resolve(`${did}#key-1`), keys.resolve(`${did}#key-1`)]);
    expect(server.requests).toEqual(['/.well-known/did.json']);
    now = 61_000;
    await expect(keys.resolve(`${did}#key-1`)).resolves.toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('caches failures briefly', async () => {
    const keys = resolver();
    const missing = `${did}:nobody#key-1`;
    await expect(keys.resolve(missing)).resolves.toMatchObject({ failure: { code: 'DID_UNRESOLVABLE' } });
    await keys.resolve(missing);
    expect(server.requests).toEqual(['/nobody/did.json']);
    now = 31_000;
    await keys.resolve(missing);
    expect(server.requests).toHaveLength(2);
  });

  it('finds a key in a JWKS at an http(s) kid by its fragment', async () => {
    const keys = resolver();
    const base = `http://localhost:${server.port}/jwks.json`;
    await expect(keys.resolve(`${base}#key-7`)).resolves.toMatchObject({ ok: true, jwk: { kty: 'EC' } });
    await expect(keys.resolve(`${base}#key-8`)).resolves.toMatchObject({ failure: { code: 'KEY_NOT_FOUND' } });
  });

  it('refuses a did:web on the local server when the development allowance is off', async () => {
    const strict = new DidWebKeyResolver(new SafeHttpFetcher());
    await expect(strict.resolve(`${did}#key-1`)).resolves.toMatchObject({ failure: { code: 'ADDRESS_NOT_ALLOWED' } });
    expect(server.requests).toHaveLength(0);
  });

  it('leaves other DID methods and kids alone', async () => {
    await expect(resolver().resolve('did:ion:abc#key-1')).resolves.toMatchObject({
      failure: { code: 'DID_METHOD_UNSUPPORTED' },
    });
    await expect(resolver().resolve('key-1')).resolves.toMatchObject({ failure: { code: 'KEY_NOT_FOUND' } });
    await expect(resolver().resolve(did)).resolves.toMatchObject({ failure: { code: 'KEY_NOT_FOUND' } });
  });
});
