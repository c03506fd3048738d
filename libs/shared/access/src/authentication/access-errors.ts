import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@credstream/runtime';

export const ACCESS_ERROR_CODES = {
  apiKeyInvalid: 'API_KEY_INVALID',
  apiKeyRevoked: 'API_KEY_REVOKED',
  apiKeyScopeMissing: 'API_KEY_SCOPE_MISSING',
  platformAdminTokenInvalid: 'PLATFORM_ADMIN_TOKEN_INVALID',
  accessUnavailable: 'ACCESS_UNAVAILABLE',
} as const;

export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[keyof typeof ACCESS_ERROR_CODES];

/** A refused request: 401 for who you are, 403 for what you may do, 503 when keys cannot be looked up. */
export class AccessDeniedException extends ProblemException {
  constructor(status: HttpStatus, code: AccessErrorCode, detail: string) {
    super(status, code, detail);
  }
}

export const apiKeyInvalid = (detail = 'The API key is missing, malformed or unknown.') =>
  new AccessDeniedException(HttpStatus.UNAUTHORIZED, ACCESS_ERROR_CODES.apiKeyInvalid, detail);

export const apiKeyRevoked = () =>
  new AccessDeniedException(HttpStatus.UNAUTHORIZED, ACCESS_ERROR_CODES.apiKeyRevoked, 'The API key was revoked.');

export const apiKeyScopeMissing = (missing: readonly string[]) =>
  new AccessDeniedException(
    HttpStatus.FORBIDDEN,
    ACCESS_ERROR_CODES.apiKeyScopeMissing,
    `The API key lacks the scope(s) this operation needs: ${missing.join(', ')}.`,
  );

export const platformAdminTokenInvalid = (detail = 'A valid platform administrator token is required.') =>
  new AccessDeniedException(HttpStatus.UNAUTHORIZED, ACCESS_ERROR_CODES.platformAdminTokenInvalid, detail);

export const accessUnavailable = () =>
  new AccessDeniedException(
    HttpStatus.SERVICE_UNAVAILABLE,
    ACCESS_ERROR_CODES.accessUnavailable,
    'API keys cannot be checked right now; retry shortly.',
  );
