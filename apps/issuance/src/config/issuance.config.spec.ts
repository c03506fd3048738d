import { parseConfig } from '@credstream/config';
import { issuanceConfigSchema } from './issuance.config';

const key = Buffer.alloc(32, 7).toString('base64');

describe('issuance configuration', () => {
  it('works locally with no variables: did:web on http://localhost, the development master key', () => {
    const config = parseConfig(issuanceConfigSchema, {});
    expect(config).toMatchObject({
      ISSUANCE_PUBLIC_URL: 'http://localhost:3001',
      DID_WEB_ALLOW_INSECURE_LOCALHOST: true,
      API_KEY_LAST_USE_INTERVAL_MS: 60_000,
    });
    expect(config.SIGNING_KEY_MASTER_KEY).toBeUndefined();
    expect(config.PLATFORM_ADMIN_TOKEN).toBeUndefined();
  });

  it('refuses plain http for a public host, or for localhost once insecure did:web is off', () => {
    expect(() => parseConfig(issuanceConfigSchema, { ISSUANCE_PUBLIC_URL: 'http://credstream.example' })).toThrow(
      /ISSUANCE_PUBLIC_URL/,
    );
    expect(() => parseConfig(issuanceConfigSchema, { DID_WEB_ALLOW_INSECURE_LOCALHOST: 'false' })).toThrow(
      /ISSUANCE_PUBLIC_URL/,
    );
    expect(
      parseConfig(issuanceConfigSchema, { ISSUANCE_PUBLIC_URL: 'https://issuance.credstream.example' })
        .ISSUANCE_PUBLIC_URL,
    ).toBe('https://issuance.credstream.example');
  });

  it('requires a 32-byte master key in production and a long enough admin token, never echoing them', () => {
    const production = { NODE_ENV: 'production', ISSUANCE_PUBLIC_URL: 'https://issuance.example' };
    expect(() => parseConfig(issuanceConfigSchema, production)).toThrow(/SIGNING_KEY_MASTER_KEY/);
    expect(() => parseConfig(issuanceConfigSchema, { ...production, SIGNING_KEY_MASTER_KEY: 'c2hvcnQ=' })).toThrow(
      /32 bytes/,
    );
    expect(
      parseConfig(issuanceConfigSchema, { ...production, SIGNING_KEY_MASTER_KEY: key }).SIGNING_KEY_MASTER_KEY,
    ).toBe(key);
    let message = '';
    try {
      parseConfig(issuanceConfigSchema, { PLATFORM_ADMIN_TOKEN: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PLATFORM_ADMIN_TOKEN/);
    expect(message).not.toContain('short-secret');
  });
});
