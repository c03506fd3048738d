import type { CredentialDisplay, PageView } from '@credstream/sharing/domain';
import type { HeldCredential, HeldCredentials } from '../ports/held-credentials.port';
import type { ShareLinks, ShareLinkView } from '../ports/share-links.port';
import { PublicCredentialQuery, type Viewer } from './public-credential.query';
import { ViewerHasher } from './viewer-hash';

const NOW = new Date('2026-07-10T12:00:00.000Z');
const display = { credentialId: 'c1', validUntil: '2026-07-01T00:00:00.000Z' } as CredentialDisplay;
const held = (overrides: Partial<HeldCredential> = {}): HeldCredential => ({
  credentialId: 'c1',
  tenantId: 'uni-lisbon',
  origin: 'issued',
  recipientKey: 'k',
  recipientId: 'r1',
  recipientName: null,
  jwt: 'a.b.c',
  credential: {},
  display,
  decision: 'accepted',
  visibility: 'public',
  revokedAt: null,
  revocationReason: null,
  suspendedAt: null,
  suspensionReason: null,
  erasedAt: null,
  receivedAt: NOW.toISOString(),
  ...overrides,
});
const share = (overrides: Partial<ShareLinkView> = {}): ShareLinkView => ({
  shareId: 's1',
  tenantId: 'uni-lisbon',
  credentialId: 'c1',
  recipientId: 'r1',
  channel: 'x',
  expiresAt: null,
  revokedAt: null,
  createdAt: NOW.toISOString(),
  ...overrides,
});
const viewer = (userAgent: string): Viewer => ({
  clientAddress: '203.0.113.9',
  userAgent,
  referer: 'https://t.co/abc',
  trustedCountry: 'FR',
  acceptLanguage: undefined,
  ownHost: 'share.example',
});

function queryWith(credential: HeldCredential | null, link: ShareLinkView | null = null, cacheTtlMs = 0) {
  const views: PageView[] = [];
  const credentials = { get: async () => credential } as unknown as HeldCredentials;
  const shares = { get: async () => link } as unknown as ShareLinks;
  const query = new PublicCredentialQuery(
    credentials,
    shares,
    { record: (view) => views.push(view) },
    new ViewerHasher('a-secret-of-sixteen+'),
    { now: () => NOW },
    cacheTtlMs,
  );
  return { query, views };
}

describe('public credential page', () => {
  it('answers from its cache synchronously once a page was read, the same as a read would', async () => {
    const { query } = queryWith(held(), share(), 60_000);
    expect(query.cachedByShare('s1')).toBeUndefined();
    const read = await query.byShare('s1');

    expect(query.cachedByShare('s1')).toEqual(read);
    expect(query.cachedByCredential('c1')).toEqual(await query.byCredential('c1'));
    expect(
      queryWith(held(), share({ revokedAt: NOW.toISOString() }), 60_000).query.cachedByShare('s1'),
    ).toBeUndefined();
  });

  it('answers not-found from its cache for a cached share link that was revoked', async () => {
    const { query } = queryWith(held(), share({ revokedAt: NOW.toISOString() }), 60_000);
    await query.byShare('s1');
    expect(query.cachedByShare('s1')).toEqual({ kind: 'not-found' });
  });

  it('shows accepted public credentials, and says when they expired', async () => {
    const page = await queryWith(held()).query.byCredential('c1');
    expect(page).toMatchObject({ kind: 'credential', channel: 'direct', expired: true, revoked: false });
  });

  it.each([
    ['unknown', null],
    ['private', held({ visibility: 'private' })],
    ['not yet accepted', held({ decision: 'pending' })],
    ['declined', held({ decision: 'declined' })],
  ])('answers not-found for a %s credential', async (_case, credential) => {
    expect(await queryWith(credential).query.byCredential('c1')).toEqual({ kind: 'not-found' });
  });

  it('answers gone for an erased credential', async () => {
    expect(
      await queryWith(held({ erasedAt: NOW.toISOString(), display: null, jwt: null })).query.byCredential('c1'),
    ).toEqual({
      kind: 'gone',
    });
  });

  it('resolves a share link until it is revoked or expires, with its channel', async () => {
    expect(await queryWith(held(), share()).query.byShare('s1')).toMatchObject({ kind: 'credential', channel: 'x' });
    expect(await queryWith(held(), share({ revokedAt: NOW.toISOString() })).query.byShare('s1')).toEqual({
      kind: 'not-found',
    });
    expect(await queryWith(held(), share({ expiresAt: NOW.toISOString() })).query.byShare('s1')).toEqual({
      kind: 'not-found',
    });
  });

  it('records human views without the IP or user agent, and ignores bots', async () => {
    const { query, views } = queryWith(held(), share());
    const page = await query.byShare('s1');
    query.recordView(page, viewer('Mozilla/5.0 (Macintosh) Safari/605.1.15'));
    query.recordView(page, viewer('Twitterbot/1.0'));
    expect(views).toEqual([
      {
        shareId: 's1',
        credentialId: 'c1',
        channel: 'x',
        viewerHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        country: 'FR',
        referrerHost: 't.co',
        referrerClass: 'social',
      },
    ]);
    expect(JSON.stringify(views)).not.toMatch(/203\.0\.113\.9|Safari/);
  });

  it('gives the same visitor the same hash within a day and another one the next day', () => {
    const hasher = new ViewerHasher('a-secret-of-sixteen+');
    const today = hasher.hash('203.0.113.9', 'ua', NOW);
    expect(hasher.hash('203.0.113.9', 'ua', new Date('2026-07-10T23:59:59Z'))).toBe(today);
    expect(hasher.hash('203.0.113.9', 'ua', new Date('2026-07-11T00:00:01Z'))).not.toBe(today);
  });
});
