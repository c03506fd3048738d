import { SafeHttpFetcher } from './safe-http.fetcher';

describe('SafeHttpFetcher address checks (refused before connecting)', () => {
  const fetcher = new SafeHttpFetcher({ timeoutMs: 1_000 });

  it.each([
    'https://127.0.0.1/did.json',
    'https://10.0.0.8/did.json',
    'https://172.20.1.1/did.json',
    'https://192.168.0.10/did.json',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.1.1/',
    'https://0.0.0.0/',
    'https://224.0.0.251/',
    'https://[::1]/',
    'https://[::]/',
    'https://[fe80::1]/',
    'https://[fd00::1]/',
    'https://[ff02::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
  ])('refuses %s', async (url) => {
    await expect(fetcher.get(url, 'application/json')).resolves.toMatchObject({
      ok: false,
      code: 'ADDRESS_NOT_ALLOWED',
    });
  });

  it('refuses a hostname that resolves to loopback when the development allowance is off', async () => {
    await expect(fetcher.get('https://localhost:1/did.json', 'application/json')).resolves.toMatchObject({
      ok: false,
      code: 'ADDRESS_NOT_ALLOWED',
    });
  });

  it('refuses a hostname when any of its addresses is internal', async () => {
    const rebinding = new SafeHttpFetcher({
      resolveHost: async () => [
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ],
    });
    await expect(rebinding.get('https://issuer.example/did.json', 'application/json')).resolves.toMatchObject({
      ok: false,
      code: 'ADDRESS_NOT_ALLOWED',
    });
  });

  it('refuses plain http, other schemes, credentials in URLs and non-URLs', async () => {
    for (const url of ['http://issuer.example/', 'ftp://issuer.example/', 'https://u:p@issuer.example/', 'nope']) {
      await expect(fetcher.get(url, 'application/json')).resolves.toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    }
  });

  it('refuses http to localhost unless the development allowance is on', async () => {
    await expect(fetcher.get('http://localhost:1/', 'application/json')).resolves.toMatchObject({
      code: 'ADDRESS_NOT_ALLOWED',
    });
    const dev = new SafeHttpFetcher({ allowInsecureLocalhost: true, timeoutMs: 1_000 });
    // Allowed through the policy, then nothing listens on port 1.
    await expect(dev.get('http://127.0.0.1:1/', 'application/json')).resolves.toMatchObject({ code: 'NETWORK_ERROR' });
    await expect(dev.get('http://10.0.0.1/', 'application/json')).resolves.toMatchObject({
      code: 'ADDRESS_NOT_ALLOWED',
    });
  });

  it('reports a host that does not resolve as a network error', async () => {
    const nxdomain = new SafeHttpFetcher({
      resolveHost: async () => {
        throw new Error('ENOTFOUND');
      },
    });
    await expect(nxdomain.get('https://nowhere.example/', 'application/json')).resolves.toMatchObject({
      code: 'NETWORK_ERROR',
    });
  });
});
