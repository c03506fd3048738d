import { CREDENTIAL_ERROR_CODES as CODES, CredentialError } from './credential.errors';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The JWT is signed outside the domain; this checks it is the one the event describes (header `kid` = the
 * signing key, `jti` = the credential's URN), so a handler bug cannot store one credential's JWT under another.
 * The signature is not verified here: that needs the key, and the signer produced it moments ago.
 */
export function assertJwtMatches(jwt: string, expected: { kid: string; credentialId: string }): void {
  if (!COMPACT_JWS.test(jwt)) throw new CredentialError(CODES.jwtInvalid, 'jwt is not a compact JWS', { field: 'jwt' });
  const [header, payload] = jwt.split('.', 2).map(decodeSegment);
  if (header?.['kid'] !== expected.kid) {
    throw new CredentialError(CODES.jwtMismatch, 'the JWT header kid is not the issuer key named in the command', {
      field: 'jwt',
    });
  }
  const jti = payload?.['jti'];
  if (jti !== `urn:uuid:${expected.credentialId}` && jti !== expected.credentialId) {
    throw new CredentialError(CODES.jwtMismatch, 'the JWT jti is not this credential id', { field: 'jwt' });
  }
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    throw new CredentialError(CODES.jwtInvalid, 'a JWT segment is not base64url JSON', { field: 'jwt' });
  }
}
