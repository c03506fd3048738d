import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseConfig } from '@credstream/config';
import {
  bootService,
  createPrivateInfra,
  launchChromium,
  type BootedService,
  type PrivateInfra,
} from '@credstream/testing';
import { bakeIntoPng } from '@credstream/verification/infrastructure';
import { VerificationAppModule } from '../app/verification-app.module';
import { verificationConfigSchema } from '../config/verification.config';
import { VERIFICATION_SERVICE } from '../service-description';
import { credentialFor, generateEcKey, payloadOf, signCredential, withPayload } from '../testing/signing.fixtures';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'test-artifacts', 'verification');

/** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** What a verifier sees on the public verification page, in headless Debian Chromium. */
describe('public verification page in Chromium', () => {
  let kafka: PrivateInfra;
  let mongo: PrivateInfra;
  let service: BootedService;
  let browser: Browser;
  let page: Page;
  const key = generateEcKey();
  let did: string;
  let token: string;
  const didServer = createServer((req, res) => {
    if (req.url !== '/.well-known/did.json') return void res.writeHead(404).end();
    const kid = `${did}#key-1`;
    res.writeHead(200, { 'content-type': 'application/did+json' }).end(
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: did, publicKeyJwk: key.publicJwk }],
        assertionMethod: [kid],
      }),
    );
  });

  beforeAll(async () => {
    [kafka, mongo] = await Promise.all([createPrivateInfra('kafka'), createPrivateInfra('mongo')]);
    await Promise.all([kafka.start(), mongo.start()]);
    await new Promise<void>((resolve) => didServer.listen(0, '127.0.0.1', resolve));
    did = `did:web:localhost%3A${(didServer.address() as AddressInfo).port}`;
    token = signCredential(
      credentialFor(did, randomUUID(), {
        achievement: {
          id: 'https://uni.example/achievements/data-engineering',
          name: 'Data Engineering Fundamentals',
          description: 'Designs and operates batch and streaming data pipelines.',
          criteria: { narrative: 'Passed the final project.' },
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'data pipelines',
              targetUrl: 'http://data.europa.eu/esco/skill/0001',
              targetType: 'ceasn:Competency',
            },
          ],
        } as never,
      }),
      key,
      `${did}#key-1`,
    );
    service = await bootService(VERIFICATION_SERVICE, (logger) =>
      VerificationAppModule.register(
        parseConfig(verificationConfigSchema, {
          ...kafka.serviceEnv,
          ...mongo.serviceEnv,
          DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true',
          VERIFY_RATE_LIMIT: '100000',
        }),
        logger,
      ),
    );
    browser = await launchChromium();
  }, 240_000);

  beforeEach(async () => {
    page = await browser.newPage({ locale: 'en-GB' });
  });

  afterEach(async () => page?.close());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    didServer.closeAllConnections();
    await new Promise((resolve) => didServer.close(resolve));
    await Promise.all([kafka?.dispose(), mongo?.dispose()]);
  }, 120_000);

  it('offers a labelled form that works with the keyboard alone', async () => {
    const response = await page.goto(`${service.url}/verify`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(page.title()).resolves.toBe('Verify a credential — credstream');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const id of ['credential', 'file', 'recipientEmail']) {
      expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    }
    const focused: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate<string>("document.activeElement?.id || document.activeElement?.tagName || ''"));
    }
    expect(focused).toEqual(['credential', 'file', 'recipientEmail', 'BUTTON']);

    await page.focus('#credential');
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/verify\/page$/), page.keyboard.press('Enter')]);
    expect(await page.locator('#outcome').getAttribute('data-verified')).toBe('true');
  }, 60_000);

  it('shows a pasted credential: verified, achievement, issuer, skills and every check in plain words', async () => {
    await page.goto(`${service.url}/verify`);
    await page.fill('#credential', token);
    await page.fill('#recipientEmail', 'ana.silva@example.org');
    await Promise.all([page.waitForURL(/\/verify\/page$/), page.click('button[type=submit]')]);
    const outcome = page.locator('#outcome');
    expect(await outcome.getAttribute('role')).toBe('status');
    expect(await outcome.locator('strong').textContent()).toBe('Verified');
    expect(await page.locator('#achievement-name').textContent()).toBe('Data Engineering Fundamentals');
    expect(await page.locator('#issuer-name').textContent()).toBe('Universidade Exemplo');
    expect(await page.locator('ul.skills li').allTextContents()).toEqual(['data pipelines']);
    expect(await page.locator('tbody tr').count()).toBe(10);
    expect(await page.locator('tr[data-check="signature"] td').first().textContent()).toBe('Passed');
    expect(await page.locator('tr[data-check="recipient"] td').first().textContent()).toBe('Passed');
    expect(await page.locator('tr[data-check="issuer"] td').first().textContent()).toBe('Warning');
    const colours = await page.evaluate<{ color: string; background: string }>(
      "({ color: getComputedStyle(document.querySelector('#outcome')).color, " +
        'background: getComputedStyle(document.body).backgroundColor })',
    );
    expect(contrast(colours.color, colours.background)).toBeGreaterThanOrEqual(4.5);
    const badge = page.locator('.badge img');
    await badge.waitFor();
    expect(
      await badge.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'verification-result.png'), fullPage: true });
  }, 60_000);

  it('verifies a dropped baked badge and shows the uploaded image', async () => {
    await page.goto(`${service.url}/verify`);
    await page.setInputFiles('#file', { name: 'badge.png', mimeType: 'image/png', buffer: bakeIntoPng(token) });
    await Promise.all([page.waitForURL(/\/verify\/page$/), page.click('button[type=submit]')]);
    expect(await page.locator('#outcome strong').textContent()).toBe('Verified');
    expect(await page.locator('.badge img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  }, 60_000);

  it('says plainly when a credential was tampered with, and asks again for an empty form', async () => {
    await page.goto(`${service.url}/verify`);
    await page.fill('#credential', withPayload(token, { ...payloadOf(token), name: 'Doctor of Everything' }));
    await Promise.all([page.waitForURL(/\/verify\/page$/), page.click('button[type=submit]')]);
    expect(await page.locator('#outcome strong').textContent()).toBe('Not verified');
    expect(await page.locator('tr[data-check="signature"] td').first().textContent()).toBe('Failed');
    expect(await page.locator('text=do not rely on them').count()).toBe(1);

    await page.goto(`${service.url}/verify`);
    const [response] = await Promise.all([page.waitForResponse(/\/verify\/page$/), page.click('button[type=submit]')]);
    expect(response.status()).toBe(400);
    expect(await page.locator('[role=alert]').textContent()).toBe('Paste a credential token or choose a badge image.');
  }, 60_000);
});
