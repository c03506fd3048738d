import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `cs_<keyId>_<secret>`: the key id says which record to look up (one `findOne` by id), the
 * secret is 32 random bytes (base64url), so a plain sha256 of the whole key is a safe stored verifier: there
 * is nothing to brute-force that a slow hash would protect. Only the hash and the prefix `cs_<keyId>` are
 * ever stored, published or shown again.
 */
export const API_KEY_TOKEN_PREFIX = 'cs';

const KEY_ID = /^k[0-9a-z]{20}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Longest string worth parsing; anything longer is refused before any work. */
const MAX_TOKEN_LENGTH = 128;

export interface GeneratedApiKey {
  keyId: string;
  /** The full key, shown to its owner once. */
  token: string;
  /** `cs_<keyId>`: tells keys apart in lists without revealing anything secret. */
  prefix: string;
  /** Lower-case sha256 hex of the full key. */
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = `k${randomBytes(13).toString('hex').slice(0, 20)}`;
  const token = `${API_KEY_TOKEN_PREFIX}_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, token, prefix: apiKeyPrefix(keyId), hash: hashApiKey(token) };
}

export const apiKeyPrefix = (keyId: string): string => `${API_KEY_TOKEN_PREFIX}_${keyId}`;

/** The key id of a well-formed key, or undefined (wrong shape, wrong prefix, too long). */
export function parseApiKey(token: string | undefined): { keyId: string } | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const [prefix, keyId, ...rest] = token.split('_');
  const secret = rest.join('_');
  if (prefix !== API_KEY_TOKEN_PREFIX || keyId === undefined || !KEY_ID.test(keyId) || !SECRET.test(secret)) {
    return undefined;
  }
  return { keyId };
}

export function hashApiKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of the key's hash with the stored one. */
export function apiKeyMatches(token: string, storedHash: string): boolean {
  if (!SHA256_HEX.test(storedHash)) return false;
  return timingSafeEqual(createHash('sha256').update(token, 'utf8').digest(), Buffer.from(storedHash, 'hex'));
}

/** Constant-time equality of two secrets of any length (compares their sha256 digests). */
export function secretsEqual(offered: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(offered), digest(expected));
}
