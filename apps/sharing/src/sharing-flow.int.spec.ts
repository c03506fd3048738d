import { randomUUID } from 'node:crypto';
import { waitFor } from '@credstream/testing';
import { extractPng, extractSvg } from '@credstream/sharing/infrastructure';
import {
  issuedEvent,
  issueTestCredential,
  reinstatedEvent,
  revokedEvent,
  suspendedEvent,
} from './testing/test-credentials';
import { linkIn } from './testing/smtp-catcher';
import { PUBLIC_URL, RunningSharing } from './testing/running-sharing';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/**
 * The whole recipient journey on real Kafka, FerretDB and SMTP: issue → mail → claim → wallet → share → view
 * (share.viewed.v1 with the link's channel) → revoke in issuance → the page says revoked; plus the refusals.
 */
describe('sharing: claim, wallet, share links and the public page', () => {
  const sharing = new RunningSharing();
  const ana = issueTestCredential('Ana.Silva@example.org');
  let session: string;
  let claimUrl: URL;
  let shareId: string;

  beforeAll(() => sharing.start(), 180_000);
  afterAll(() => sharing.stop(), 60_000);

  it('mails the recipient a claim link when issuance issues a credential', async () => {
    await sharing.events.publish(issuedEvent(ana));
    const mail = await sharing.smtp.waitForMail('ana.silva@example.org', /Data Analysis with Python/);
    claimUrl = linkIn(mail, `${PUBLIC_URL}/claim?`);
    expect(claimUrl.searchParams.get('credential')).toBe(ana.credentialId);
    expect(mail.html).toContain('University of Lisbon');
    // Opening the link only shows a confirmation (mail scanners must not use the token up).
    const page = await sharing.request('GET', claimUrl.href);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Claim credential');
  }, 60_000);

  it('claims with the link, signs the recipient in, and lists the credential in the wallet', async () => {
    const claim = await sharing.request('POST', '/api/claims', {
      json: { credentialId: claimUrl.searchParams.get('credential'), token: claimUrl.searchParams.get('token') },
    });
    expect(claim.status).toBe(201);
    session = claim.cookie!;
    expect(session).toBeDefined();
    const wallet = await sharing.request('GET', '/api/wallet', { session });
    expect(wallet.status).toBe(200);
    expect(wallet.json().credentials).toEqual([
      expect.objectContaining({
        credentialId: ana.credentialId,
        achievement: 'Data Analysis with Python',
        issuer: 'University of Lisbon',
        decision: 'pending',
        revoked: false,
      }),
    ]);
    await sharing.events.waitForEvent(
      (event) =>
        event.type === 'credential.claimed.v1' &&
        (event.data as { credentialId: string }).credentialId === ana.credentialId,
      'credential.claimed.v1',
    );
  });

  it('refuses the same claim link a second time, and changes nothing', async () => {
    const again = await sharing.request('POST', '/api/claims', {
      json: { credentialId: ana.credentialId, token: claimUrl.searchParams.get('token') },
    });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CLAIM_TOKEN_USED' });
    expect((await sharing.request('GET', '/api/wallet', { session })).json().credentials).toHaveLength(1);
  });

  it('keeps the page a 404 until the credential is accepted', async () => {
    expect((await sharing.request('GET', `/c/${ana.credentialId}`)).status).toBe(404);
    const accepted = await sharing.request('POST', `/api/wallet/credentials/${ana.credentialId}/accept`, { session });
    expect(accepted.status).toBe(200);
    expect(accepted.json()).toMatchObject({ decision: 'accepted', visibility: 'public' });
  });

  it('creates a LinkedIn share link whose view is recorded with the linkedin channel', async () => {
    const created = await sharing.request('POST', `/api/wallet/credentials/${ana.credentialId}/shares`, {
      session,
      json: { channel: 'linkedin' },
    });
    expect(created.status).toBe(201);
    const share = created.json();
    shareId = share.shareId;
    expect(share.url).toBe(`${PUBLIC_URL}/s/${shareId}`);
    const addToProfile = new URL(share.addToProfileUrl);
    expect(Object.fromEntries(addToProfile.searchParams)).toMatchObject({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data Analysis with Python',
      organizationName: 'University of Lisbon',
      issueYear: '2026',
      issueMonth: '6',
      certUrl: share.url,
      certId: ana.credentialId,
    });

    const page = await sharing.request('GET', share.url, {
      headers: { 'user-agent': BROWSER, 'cf-ipcountry': 'PT', referer: 'https://www.linkedin.com/feed/' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 id="credential-name">Data Analysis with Python</h1>');
    expect(page.text).toContain(
      '<meta property="og:title" content="Data Analysis with Python — University of Lisbon">',
    );
    expect(page.text).toContain('data analytics');
    expect(page.text).not.toContain('ana.silva@example.org');

    const viewed = await sharing.events.waitForEvent(
      (event) => event.type === 'share.viewed.v1' && (event.data as { shareId: string }).shareId === shareId,
      'share.viewed.v1 of the share link',
    );
    expect(viewed).toMatchObject({ aggregateType: 'share', aggregateId: shareId, tenantId: 'uni-lisbon' });
    expect(viewed.data).toMatchObject({
      credentialId: ana.credentialId,
      channel: 'linkedin',
      country: 'PT',
      referrerHost: 'www.linkedin.com',
      referrerClass: 'social',
    });
    expect(JSON.stringify(viewed)).not.toMatch(/127\.0\.0\.1|Chrome/);

    // Operators see the views recorded and any dropped (none).
    const metrics = (await sharing.request('GET', '/metrics')).text;
    expect(Number(/^credstream_page_views_recorded_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(metrics).toMatch(/^credstream_page_views_dropped_total 0$/m);
    // The views thread reports every 2 s.
    await waitFor(
      async () => (await sharing.request('GET', '/metrics')).text,
      (text) => /^credstream_event_store_thread_lease_held\{thread="sharing-views"\} 1$/m.test(text),
      { what: 'the views thread reporting its relay lease' },
    );
  }, 60_000);

  it('does not count bots, and counts direct views with the direct channel', async () => {
    await sharing.request('GET', `/c/${ana.credentialId}`, { headers: { 'user-agent': 'LinkedInBot/1.0' } });
    await sharing.request('GET', `/c/${ana.credentialId}`, {
      headers: { 'user-agent': BROWSER, 'accept-language': 'en-GB' },
    });
    const direct = await sharing.events.waitForEvent(
      (event) => event.type === 'share.viewed.v1' && (event.data as { shareId: unknown }).shareId === null,
      'a direct view',
    );
    expect(direct).toMatchObject({ aggregateId: ana.credentialId, data: { channel: 'direct', country: 'GB' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const directViews = sharing.events.received.filter(
      (event) => event.type === 'share.viewed.v1' && (event.data as { shareId: unknown }).shareId === null,
    );
    expect(directViews).toHaveLength(1);
  }, 30_000);

  it('answers a browser revalidating its copy with 304 Not Modified, and counts that view as well', async () => {
    const isDirectView = (event: { type: string; data: unknown }) =>
      event.type === 'share.viewed.v1' && (event.data as { shareId: unknown }).shareId === null;
    const before = sharing.events.received.filter(isDirectView).length;
    const page = await sharing.request('GET', `/c/${ana.credentialId}`, { headers: { 'user-agent': BROWSER } });
    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    const revalidated = await sharing.request('GET', `/c/${ana.credentialId}`, {
      // As a browser revalidates (fetch() would add `cache-control: no-cache`, a forced reload, without it).
      headers: { 'user-agent': BROWSER, 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(revalidated).toMatchObject({ status: 304, text: '' });
    expect(revalidated.headers.get('etag')).toBe(etag);
    const stale = await sharing.request('GET', `/c/${ana.credentialId}`, {
      headers: { 'user-agent': BROWSER, 'if-none-match': 'W/"an-older-page"' },
    });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(page.text);
    await waitFor(
      async () => sharing.events.received.filter(isDirectView).length,
      (views) => views >= before + 3,
      { what: 'three more direct views', timeoutMs: 15_000 },
    );
  }, 30_000);

  it('downloads the credential as JWT, JSON, and baked PNG and SVG holding the same JWT', async () => {
    const download = (format: string) =>
      fetch(new URL(`/api/wallet/credentials/${ana.credentialId}/download?format=${format}`, sharing.service.url), {
        headers: { cookie: `cs_session=${session}` },
      });
    expect(await (await download('jwt')).text()).toBe(ana.jwt);
    expect(JSON.parse(await (await download('json')).text())).toMatchObject({ id: `urn:uuid:${ana.credentialId}` });
    const png = await download('png');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(extractPng(Buffer.from(await png.arrayBuffer()))).toBe(ana.jwt);
    expect(extractSvg(await (await download('svg')).text())).toBe(ana.jwt);
    expect((await download('gif')).status).toBe(400);
  });

  it('answers tampered, unknown and foreign ids with a 404 that leaks nothing', async () => {
    const tampered = await sharing.request('GET', `/s/${shareId.slice(0, -1)}0`);
    const unknownCredential = await sharing.request('GET', `/c/${randomUUID()}`);
    expect(tampered.status).toBe(404);
    expect(unknownCredential.status).toBe(404);
    expect((await sharing.request('GET', '/s/not-a-uuid')).status).toBe(404);
    expect(
      (
        await sharing.request('POST', `/api/wallet/credentials/${randomUUID()}/shares`, {
          session,
          json: { channel: 'x' },
        })
      ).json(),
    ).toMatchObject({ code: 'CREDENTIAL_NOT_IN_WALLET' });
    const badChannel = await sharing.request('POST', `/api/wallet/credentials/${ana.credentialId}/shares`, {
      session,
      json: { channel: 'myspace', expiresAt: 'tomorrow' },
    });
    expect(badChannel.status).toBe(400);
    expect(
      badChannel
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['channel', 'expiresAt']);
    expect((await sharing.request('GET', '/api/wallet')).json()).toMatchObject({ code: 'SESSION_REQUIRED' });
  });

  it('refuses a claim from someone signed in with another email, and the link still works for its owner', async () => {
    const bo = issueTestCredential('bo@example.org', { issuerName: 'Porto Polytechnic' });
    await sharing.events.publish(issuedEvent(bo, 'porto-poly'));
    const link = linkIn(
      await sharing.smtp.waitForMail('bo@example.org', /received a credential/),
      `${PUBLIC_URL}/claim?`,
    );
    const body = { credentialId: bo.credentialId, token: link.searchParams.get('token') };
    const foreign = await sharing.request('POST', '/api/claims', { session, json: body });
    expect(foreign.status).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'CLAIM_EMAIL_MISMATCH' });
    expect((await sharing.request('POST', '/api/claims', { json: body })).status).toBe(201);
    expect((await sharing.request('GET', '/api/wallet', { session })).json().credentials).toHaveLength(1);
  }, 60_000);

  it('collects credentials from several institutions in one wallet, and signs in by magic link', async () => {
    const second = issueTestCredential('ana.silva@example.org', {
      issuerName: 'Coimbra University',
      achievement: 'Statistics',
    });
    await sharing.events.publish(issuedEvent(second, 'uni-coimbra'));
    const link = linkIn(await sharing.smtp.waitForMail('ana.silva@example.org', /Statistics/), `${PUBLIC_URL}/claim?`);
    expect(
      (
        await sharing.request('POST', '/api/claims', {
          session,
          json: { credentialId: second.credentialId, token: link.searchParams.get('token') },
        })
      ).status,
    ).toBe(201);

    expect(
      (await sharing.request('POST', '/api/auth/magic-links', { json: { email: ' ANA.silva@example.org ' } })).status,
    ).toBe(202);
    expect(
      (await sharing.request('POST', '/api/auth/magic-links', { json: { email: 'nobody@example.org' } })).status,
    ).toBe(202);
    const signIn = linkIn(
      await sharing.smtp.waitForMail('ana.silva@example.org', /sign-in link/),
      `${PUBLIC_URL}/sign-in?`,
    );
    const started = await sharing.request('POST', '/api/auth/sessions', {
      json: { token: signIn.searchParams.get('token') },
    });
    expect(started.status).toBe(201);
    const wallet = await sharing.request('GET', '/api/wallet', { session: started.cookie });
    expect(
      wallet
        .json()
        .credentials.map((item: { issuer: string }) => item.issuer)
        .sort(),
    ).toEqual(['Coimbra University', 'University of Lisbon']);
    const reused = await sharing.request('POST', '/api/auth/sessions', {
      json: { token: signIn.searchParams.get('token') },
    });
    expect(reused.json()).toMatchObject({ code: 'SIGN_IN_LINK_INVALID' });
  }, 60_000);

  it('imports a baked badge issued elsewhere, and refuses oversized or non-credential imports', async () => {
    const elsewhere = issueTestCredential('ana.silva@example.org', {
      issuerName: 'Open University',
      achievement: 'Ethics',
    });
    const baked = await fetch(
      new URL(`/api/wallet/credentials/${ana.credentialId}/download?format=svg`, sharing.service.url),
      {
        headers: { cookie: `cs_session=${session}` },
      },
    );
    const svg = (await baked.text()).replace(ana.jwt, elsewhere.jwt);
    const imported = await sharing.request('POST', '/api/wallet/imports', {
      session,
      body: svg,
      headers: { 'content-type': 'image/svg+xml' },
    });
    expect(imported.status).toBe(201);
    expect(imported.json()).toEqual({ credentialId: elsewhere.credentialId });
    const twice = await sharing.request('POST', '/api/wallet/imports', {
      session,
      body: elsewhere.jwt,
      headers: { 'content-type': 'application/jwt' },
    });
    expect(twice.json()).toMatchObject({ code: 'CREDENTIAL_ALREADY_HELD' });
    const notCredential = await sharing.request('POST', '/api/wallet/imports', {
      session,
      body: 'eyJhbGciOiJub25lIn0.eyJoZWxsbyI6IndvcmxkIn0.',
      headers: { 'content-type': 'application/jwt' },
    });
    expect(notCredential.status).toBe(422);
    expect(notCredential.json()).toMatchObject({ code: 'NOT_A_CREDENTIAL' });
    const oversized = await sharing.request('POST', '/api/wallet/imports', {
      session,
      body: Buffer.alloc(600 * 1024, 1),
      headers: { 'content-type': 'image/png' },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    const notPng = await sharing.request('POST', '/api/wallet/imports', {
      session,
      body: 'GIF89a',
      headers: { 'content-type': 'image/png' },
    });
    expect(notPng.json()).toMatchObject({ code: 'IMPORT_NOT_AN_IMAGE' });
    expect((await sharing.request('GET', '/api/wallet', { session })).json().credentials).toHaveLength(3);
  }, 30_000);

  it('offers an embeddable widget whose views count on the embed channel', async () => {
    const created = await sharing.request('POST', `/api/wallet/credentials/${ana.credentialId}/shares`, {
      session,
      json: { channel: 'embed', expiresAt: '2099-01-01T00:00:00Z' },
    });
    const embed = created.json();
    expect(embed.embedHtml).toBe(
      `<iframe src="${PUBLIC_URL}/s/${embed.shareId}/embed" title="Data Analysis with Python" width="360" height="200" style="border:0" loading="lazy"></iframe>`,
    );
    const widget = await sharing.request('GET', `/s/${embed.shareId}/embed`, { headers: { 'user-agent': BROWSER } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(widget.text).toContain(`href="${PUBLIC_URL}/s/${embed.shareId}"`);
    const viewed = await sharing.events.waitForEvent(
      (event) => event.type === 'share.viewed.v1' && (event.data as { shareId: string }).shareId === embed.shareId,
      'an embed view',
    );
    expect(viewed.data).toMatchObject({ channel: 'embed' });
  });

  it('shows a suspension while it lasts', async () => {
    await sharing.events.publish(suspendedEvent(ana.credentialId));
    await waitFor(
      () => sharing.request('GET', `/s/${shareId}`),
      (response) => response.text.includes('This credential is suspended'),
      { timeoutMs: 30_000, what: 'the suspended banner' },
    );
    await sharing.events.publish(reinstatedEvent(ana.credentialId));
    const page = await waitFor(
      () => sharing.request('GET', `/s/${shareId}`),
      (response) => !response.text.includes('This credential is suspended'),
      { timeoutMs: 30_000, what: 'the banner gone after reinstatement' },
    );
    expect(page.text).toContain('Checking status');
  }, 70_000);

  it('shows the credential as revoked once issuance revokes it', async () => {
    await sharing.events.publish(revokedEvent(ana.credentialId));
    const page = await waitFor(
      () => sharing.request('GET', `/s/${shareId}`),
      (response) => response.text.includes('This credential has been revoked'),
      { timeoutMs: 30_000, what: 'the revoked banner' },
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('Reason: issued in error');
  }, 40_000);

  it('stops resolving a revoked share link and a private credential (the same 404 as unknown)', async () => {
    expect((await sharing.request('DELETE', `/api/wallet/shares/${shareId}`, { session })).status).toBe(204);
    expect((await sharing.request('GET', `/s/${shareId}`)).status).toBe(404);
    expect(
      (
        await sharing.request('PUT', `/api/wallet/credentials/${ana.credentialId}/visibility`, {
          session,
          json: { visibility: 'private' },
        })
      ).status,
    ).toBe(200);
    const hidden = await sharing.request('GET', `/c/${ana.credentialId}`);
    const unknown = await sharing.request('GET', `/c/${randomUUID()}`);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(unknown.text);
  });

  it('erases the account: pages are gone, data deleted, recipient.erased.v1 published', async () => {
    await sharing.request('PUT', `/api/wallet/credentials/${ana.credentialId}/visibility`, {
      session,
      json: { visibility: 'public' },
    });
    expect((await sharing.request('DELETE', '/api/wallet/account', { session })).status).toBe(204);
    expect((await sharing.request('GET', `/c/${ana.credentialId}`)).status).toBe(410);
    expect((await sharing.request('GET', '/api/wallet', { session })).status).toBe(401);
    const erased = await sharing.events.waitForEvent(
      (event) => event.type === 'recipient.erased.v1',
      'recipient.erased.v1',
    );
    expect((erased.data as { recipientKeys: string[] }).recipientKeys).toHaveLength(1);
    expect(
      (await sharing.request('POST', '/api/auth/magic-links', { json: { email: 'ana.silva@example.org' } })).status,
    ).toBe(202);
  }, 40_000);

  it('limits how often one client may ask for sign-in links', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await sharing.request('POST', '/api/auth/magic-links', { json: { email: `x${i}@example.org` } });
      statuses.push(response.status);
      if (response.status === 429) expect(response.json()).toMatchObject({ code: 'RATE_LIMITED' });
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 202).length).toBeLessThanOrEqual(20);
  });
});
