import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link (256 bits, base64url) and the hash under which it is stored. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
