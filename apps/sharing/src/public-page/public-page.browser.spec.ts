import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitFor } from '@credstream/testing';
import { claimAndAccept, createShare } from '../testing/claimed-credential';
import { RunningSharing } from '../testing/running-sharing';
import { issueTestCredential, revokedEvent } from '../testing/test-credentials';
import { VerificationStub } from '../testing/verification-stub';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'test-artifacts', 'sharing');

/** What a visitor sees on a public credential page, in headless Debian Chromium. */
describe('public credential page in Chromium', () => {
  const sharing = new RunningSharing();
  const verification = new VerificationStub();
  const credential = issueTestCredential('lea@example.org', { validUntil: '2030-01-31T00:00:00Z' });
  let browser: Browser;
  let page: Page;
  let shareUrl: string;

  beforeAll(async () => {
    await verification.start();
    await sharing.start({ VERIFICATION_PUBLIC_URL: verification.url });
    browser = await launchChromium();
    const session = await claimAndAccept(sharing, credential);
    shareUrl = new URL(
      `/s/${(await createShare(sharing, session, credential.credentialId, 'linkedin')).shareId}`,
      sharing.service.url,
    ).href;
  }, 240_000);

  beforeEach(async () => {
    page = await browser.newPage({ locale: 'en-GB' });
  });

  afterEach(async () => page?.close());

  afterAll(async () => {
    await browser?.close();
    await sharing.stop();
    await verification.stop();
  }, 60_000);

  it('renders the credential and turns its status to verified from the verification service', async () => {
    const response = await page.goto(shareUrl);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Data Analysis with Python — University of Lisbon');
    expect(await page.locator('h1').textContent()).toBe('Data Analysis with Python');
    const status = page.locator('#credential-status');
    await status.filter({ hasText: 'Verified' }).waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-state')).toBe('verified');
    expect(verification.requests).toContain(credential.jwt);
    const badge = page.locator('img').first();
    expect(
      await badge.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await page.locator('text=data analytics').count()).toBe(1);
    expect(await page.locator('time[datetime="2030-01-31T00:00:00Z"]').textContent()).toBe('31 January 2030');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'public-credential-page.png'), fullPage: true });
  }, 30_000);

  it('links to LinkedIn Add-to-Profile with the certification parameters', async () => {
    await page.goto(shareUrl);
    const href = await page.locator('#linkedin-add-to-profile').getAttribute('href');
    const url = new URL(href!);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data Analysis with Python',
      organizationName: 'University of Lisbon',
      issueYear: '2026',
      issueMonth: '6',
      certUrl: `http://share.test${new URL(shareUrl).pathname}`,
      certId: credential.credentialId,
      expirationYear: '2030',
      expirationMonth: '1',
    });
    expect(await page.locator('#linkedin-share').getAttribute('href')).toMatch(
      /^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=/,
    );
  });

  it('has the meta tags link previews read, and JSON-LD of the credential', async () => {
    await page.goto(shareUrl);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[property="og:title"]')).toBe('Data Analysis with Python — University of Lisbon');
    expect(await meta('meta[property="og:image"]')).toBe(`http://share.test/c/${credential.credentialId}/badge.png`);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(
      `http://share.test/c/${credential.credentialId}`,
    );
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      id: `urn:uuid:${credential.credentialId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
  });

  it('meets accessibility basics: language, one h1, main landmark, image alt, live status, keyboard-reachable links', async () => {
    await page.goto(shareUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    const images = await page.locator('img').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('alt')));
    expect(images.every((alt) => typeof alt === 'string' && alt.length > 0)).toBe(true);
    expect(await page.locator('#credential-status').getAttribute('role')).toBe('status');
    const focused: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate('document.activeElement && (document.activeElement.id || document.activeElement.tagName)'),
      );
    }
    expect(focused).toContain('linkedin-add-to-profile');
  });

  it('says clearly that a revoked credential is revoked', async () => {
    verification.revoked.add(credential.jwt);
    await sharing.events.publish(revokedEvent(credential.credentialId));
    await waitFor(
      () => sharing.request('GET', new URL(shareUrl).pathname),
      (response) => response.text.includes('has been revoked'),
      { timeoutMs: 20_000, what: 'the revoked page' },
    );
    await page.goto(shareUrl);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('This credential has been revoked');
    await page.waitForTimeout(500);
    expect(await page.locator('#credential-status').textContent()).toBe('Revoked');
    expect(await page.locator('#linkedin-add-to-profile').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'revoked-credential-page.png'), fullPage: true });
  }, 40_000);
});
