import { HttpStatus } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemException } from '@credstream/runtime';
import type { RegisteredVerifier, VerifierDirectory } from '@credstream/verification/application';

export const VERIFIER_KEY_INVALID = 'VERIFIER_KEY_INVALID';
export const VERIFIER_KEY_REQUIRED = 'VERIFIER_KEY_REQUIRED';

/** The bearer token of an `Authorization` header, if it has one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/**
 * The registered verifier a request's key names; undefined when it sends none. A key that is malformed, unknown or
 * revoked is a 401: a verifier that thinks it is counted must learn that it is not.
 */
export async function verifierOfRequest(
  headers: IncomingHttpHeaders,
  directory: VerifierDirectory,
): Promise<RegisteredVerifier | undefined> {
  const token = bearerToken(headers);
  if (token === undefined) return undefined;
  const verifier = await directory.identify(token);
  if (!verifier) {
    throw unauthorized(
      VERIFIER_KEY_INVALID,
      'The API key is not an active verifier organisation key.',
      'unknown, malformed or revoked key',
    );
  }
  return verifier;
}

/** Like {@link verifierOfRequest}, for endpoints that need a key. */
export async function requireVerifier(
  headers: IncomingHttpHeaders,
  directory: VerifierDirectory,
): Promise<RegisteredVerifier> {
  const verifier = await verifierOfRequest(headers, directory);
  if (verifier) return verifier;
  throw unauthorized(
    VERIFIER_KEY_REQUIRED,
    "Send the organisation's API key as `Authorization: Bearer <key>`.",
    'missing',
  );
}

function unauthorized(code: string, detail: string, fault: string): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, code, detail, [{ field: 'authorization', message: fault }], {
    'www-authenticate': 'Bearer',
  });
}
