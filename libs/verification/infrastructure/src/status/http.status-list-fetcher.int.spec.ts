import { SafeHttpFetcher } from '../http/safe-http.fetcher';
import { startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { HttpStatusListFetcher } from './http.status-list-fetcher';

describe('HttpStatusListFetcher', () => {
  let server: LocalHttpServer;
  const fetcher = new HttpStatusListFetcher(new SafeHttpFetcher({ allowInsecureLocalhost: true, timeoutMs: 1_000 }));
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  beforeAll(async () => {
    server = await startLocalHttpServer((req, res) => {
      if (req.url === '/list.jwt') {
        res.writeHead(200, { 'content-type': 'application/vc+jwt', 'cache-control': 'max-age=300' });
        res.end('eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln\n');
      } else if (req.url === '/list.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,x.y.z' }));
      } else if (req.url === '/list.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('[1,2,3]');
      } else {
        res.writeHead(500);
        res.end();
      }
    });
  });

  afterAll(() => server.close());

  it('returns a compact VC-JWT as text with the max-age of the response', async () => {
    await expect(fetcher.fetch(url('/list.jwt'))).resolves.toEqual({
      ok: true,
      document: 'eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln',
      maxAgeMs: 300_000,
    });
    expect(server.requests).toContain('/list.jwt');
  });

  it('returns a JSON document parsed', async () => {
    await expect(fetcher.fetch(url('/list.json'))).resolves.toEqual({
      ok: true,
      document: { type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,x.y.z' },
    });
  });

  it('reports unreadable bodies, errors and refused addresses', async () => {
    await expect(fetcher.fetch(url('/list.txt'))).resolves.toMatchObject({ ok: false });
    await expect(fetcher.fetch(url('/broken'))).resolves.toMatchObject({ ok: false, message: /HTTP_ERROR/ });
    await expect(fetcher.fetch('https://10.0.0.1/list')).resolves.toMatchObject({ message: /ADDRESS_NOT_ALLOWED/ });
  });
});
