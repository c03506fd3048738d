import { verificationPolicy } from '@credstream/verification/domain';
import { JwtProofVerifier } from '../proof/jwt-proof.verifier';
import { KID, NOW, REVOCATION_LIST_URL, signedStatusList } from '../testing/credential.fixtures';
import {
  FixedClock,
  InMemoryIssuerDirectory,
  InMemoryKeyResolver,
  InMemoryStatusListFetcher,
} from '../testing/in-memory-ports.fixtures';
import { generateTestKey, nodeCryptoSignatureVerifier } from '../testing/test-keys.fixtures';
import { VerifiedStatusListProvider } from './verified-status-list.provider';

const key = generateTestKey('ES256');

function setup(list: { ttl?: number } = {}) {
  const keyResolver = new InMemoryKeyResolver();
  keyResolver.keys.set(KID, key.publicJwk);
  const fetcher = new InMemoryStatusListFetcher();
  fetcher.documents.set(
    REVOCATION_LIST_URL,
    signedStatusList(key, { url: REVOCATION_LIST_URL, purpose: 'revocation', setBits: [3], ...list }),
  );
  const clock = new FixedClock(NOW);
  const proof = new JwtProofVerifier(keyResolver, nodeCryptoSignatureVerifier, verificationPolicy());
  const provider = new VerifiedStatusListProvider(fetcher, proof, new InMemoryIssuerDirectory(), clock, {
    defaultTtlMs: 60_000,
    maxTtlMs: 600_000,
    maxEntries: 10,
  });
  return { fetcher, clock, provider };
}

describe('VerifiedStatusListProvider', () => {
  it('returns the verified, decoded list', async () => {
    const { provider } = setup();
    const lookup = await provider.get(REVOCATION_LIST_URL);
    if (!lookup.ok) throw new Error(lookup.failure.message);
    expect(lookup.snapshot).toMatchObject({ url: REVOCATION_LIST_URL, purposes: ['revocation'] });
    expect(lookup.snapshot.list.get(3)).toBe(true);
    expect(lookup.snapshot.list.get(4)).toBe(false);
  });

  it('caches for the default ttl, then fetches again', async () => {
    const { provider, fetcher, clock } = setup();
    await provider.get(REVOCATION_LIST_URL);
    clock.current = new Date(NOW.getTime() + 59_000);
    await provider.get(REVOCATION_LIST_URL);
    expect(fetcher.fetched).toHaveLength(1);
    clock.current = new Date(NOW.getTime() + 61_000);
    await provider.get(REVOCATION_LIST_URL);
    expect(fetcher.fetched).toHaveLength(2);
  });

  it("follows the list's own ttl, bounded by the maximum", async () => {
    const { provider, fetcher, clock } = setup({ ttl: 5_000 });
    await provider.get(REVOCATION_LIST_URL);
    clock.current = new Date(NOW.getTime() + 6_000);
    await provider.get(REVOCATION_LIST_URL);
    expect(fetcher.fetched).toHaveLength(2);
  });

  it('shares one fetch between concurrent lookups and does not cache failures', async () => {
    const { provider, fetcher } = setup();
    await Promise.all([provider.get(REVOCATION_LIST_URL), provider.get(REVOCATION_LIST_URL)]);
    expect(fetcher.fetched).toHaveLength(1);
    const missing = 'https://uni.example/status/missing';
    expect(await provider.get(missing)).toEqual({
      ok: false,
      failure: expect.objectContaining({ code: 'STATUS_UNAVAILABLE' }),
    });
    await provider.get(missing);
    expect(fetcher.fetched.filter((url) => url === missing)).toHaveLength(2);
  });

  it('refuses a list that is not a status list credential', async () => {
    const { provider, fetcher } = setup();
    fetcher.documents.set(REVOCATION_LIST_URL, 'not.a.jwt');
    expect(await provider.get(REVOCATION_LIST_URL)).toEqual({
      ok: false,
      failure: expect.objectContaining({ code: 'STATUS_LIST_INVALID' }),
    });
  });
});
