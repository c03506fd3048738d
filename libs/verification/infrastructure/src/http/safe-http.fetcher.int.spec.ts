import { startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { SafeHttpFetcher } from './safe-http.fetcher';

describe('SafeHttpFetcher against a local server (development allowance on)', () => {
  let server: LocalHttpServer;
  const base = () => `http://localhost:${server.port}`;
  const fetcher = new SafeHttpFetcher({ allowInsecureLocalhost: true, timeoutMs: 500, maxRedirects: 2 });

  beforeAll(async () => {
    server = await startLocalHttpServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'application/json', 'x-accept': req.headers.accept ?? '' });
          res.end('{"hello":"world"}');
          return;
        case '/silent':
          return; // never answers
        case '/huge': {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          let sent = 0;
          const pump = () => {
            while (sent < 1024 * 1024 && res.write(chunk)) sent += chunk.length;
            if (sent < 1024 * 1024) res.once('drain', pump);
            else res.end();
          };
          pump();
          return;
        }
        case '/declared-huge':
          res.writeHead(200, { 'content-length': String(1024 * 1024) });
          res.end(Buffer.alloc(1024 * 1024));
          return;
        case '/loop':
          res.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` });
          res.end();
          return;
        case '/two-hops':
          res.writeHead(301, { location: '/one-hop' });
          res.end();
          return;
        case '/one-hop':
          res.writeHead(307, { location: '/ok' });
          res.end();
          return;
        case '/to-metadata':
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
          res.end();
          return;
        case '/to-private':
          res.writeHead(302, { location: 'https://[::ffff:10.0.0.1]/' });
          res.end();
          return;
        default:
          res.writeHead(404);
          res.end('not here');
      }
    });
  });

  afterAll(() => server.close());

  it('fetches over http from localhost with the Accept header', async () => {
    const result = await fetcher.get(`${base()}/ok`, 'application/did+json');
    expect(result).toMatchObject({ ok: true, status: 200, body: '{"hello":"world"}' });
    expect(result.ok && result.headers['x-accept']).toBe('application/did+json');
  });

  it('gives up after the timeout on a server that never answers', async () => {
    const started = Date.now();
    await expect(fetcher.get(`${base()}/silent`, '*/*')).resolves.toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('aborts a streamed response beyond the size limit', async () => {
    const small = new SafeHttpFetcher({ allowInsecureLocalhost: true, maxBytes: 256 * 1024 });
    await expect(small.get(`${base()}/huge`, '*/*')).resolves.toMatchObject({ ok: false, code: 'TOO_LARGE' });
    await expect(small.get(`${base()}/declared-huge`, '*/*')).resolves.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('follows redirects up to the limit', async () => {
    await expect(fetcher.get(`${base()}/two-hops`, '*/*')).resolves.toMatchObject({ ok: true, status: 200 });
    await expect(fetcher.get(`${base()}/loop`, '*/*')).resolves.toMatchObject({
      ok: false,
      code: 'TOO_MANY_REDIRECTS',
    });
  });

  it('re-checks every redirect target', async () => {
    await expect(fetcher.get(`${base()}/to-metadata`, '*/*')).resolves.toMatchObject({
      code: 'ADDRESS_NOT_ALLOWED',
    });
    await expect(fetcher.get(`${base()}/to-private`, '*/*')).resolves.toMatchObject({
      code: 'ADDRESS_NOT_ALLOWED',
    });
  });

  it('reports an error status as HTTP_ERROR', async () => {
    await expect(fetcher.get(`${base()}/missing`, '*/*')).resolves.toMatchObject({
      ok: false,
      code: 'HTTP_ERROR',
      status: 404,
    });
  });

  it('refuses the same server when the development allowance is off', async () => {
    const strict = new SafeHttpFetcher();
    await expect(strict.get(`${base()}/ok`, '*/*')).resolves.toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(server.requests.filter((path) => path === '/ok')).toHaveLength(2);
  });
});
