import { DomainError } from '@credstream/event-sourcing';

export const TENANT_ERROR_CODES = {
  alreadyExists: 'TENANT_ALREADY_EXISTS',
  notFound: 'TENANT_NOT_FOUND',
  idRequired: 'TENANT_ID_REQUIRED',
  nameRequired: 'TENANT_NAME_REQUIRED',
  countryInvalid: 'TENANT_COUNTRY_INVALID',
  apiKeyAlreadyExists: 'API_KEY_ALREADY_EXISTS',
  apiKeyNotFound: 'API_KEY_NOT_FOUND',
  apiKeyAlreadyRevoked: 'API_KEY_ALREADY_REVOKED',
  apiKeyInvalid: 'API_KEY_INVALID',
  apiKeyHashInvalid: 'API_KEY_HASH_INVALID',
  apiKeyScopesEmpty: 'API_KEY_SCOPES_EMPTY',
  apiKeyScopeUnknown: 'API_KEY_SCOPE_UNKNOWN',
} as const;

export type TenantErrorCode = (typeof TENANT_ERROR_CODES)[keyof typeof TENANT_ERROR_CODES];

export class TenantError extends DomainError {
  constructor(code: TenantErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
