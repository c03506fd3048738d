import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey, secretsEqual } from './api-key-token';

describe('API key tokens', () => {
  it('generates cs_<keyId>_<secret> keys that parse back to their id and match their hash', () => {
    const key = generateApiKey();
    expect(key.token).toMatch(/^cs_k[0-9a-z]{20}_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(`cs_${key.keyId}`);
    expect(key.token.startsWith(`${key.prefix}_`)).toBe(true);
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseApiKey(key.token)).toEqual({ keyId: key.keyId });
    expect(apiKeyMatches(key.token, key.hash)).toBe(true);
  });

  it('generates a different id and secret every time', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(50);
    expect(new Set(keys.map((k) => k.hash)).size).toBe(50);
  });

  it('refuses keys of the wrong shape', () => {
    const { token, keyId } = generateApiKey();
    for (const bad of [
      undefined,
      '',
      'cs_',
      token.replace(/^cs_/, 'xx_'),
      `cs_${keyId}_short`,
      `cs_KEY_${token.split('_').slice(2).join('_')}`,
      `${token}x`,
      'a'.repeat(10_000),
    ]) {
      expect(parseApiKey(bad)).toBeUndefined();
    }
  });

  it('does not match a key whose secret differs by one character, nor a malformed stored hash', () => {
    const key = generateApiKey();
    const last = key.token.at(-1) === 'A' ? 'B' : 'A';
    expect(apiKeyMatches(`${key.token.slice(0, -1)}${last}`, key.hash)).toBe(false);
    expect(apiKeyMatches(key.token, key.hash.toUpperCase())).toBe(false);
    expect(apiKeyMatches(key.token, 'secret')).toBe(false);
    expect(hashApiKey(key.token)).toBe(key.hash);
  });

  it('compares secrets of any length', () => {
    expect(secretsEqual('admin-token-0123456789', 'admin-token-0123456789')).toBe(true);
    expect(secretsEqual('admin-token-012345678', 'admin-token-0123456789')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
  });
});
