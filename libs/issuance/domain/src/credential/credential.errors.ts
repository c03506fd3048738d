import { DomainError } from '@credstream/event-sourcing';

export const CREDENTIAL_ERROR_CODES = {
  alreadyIssued: 'CREDENTIAL_ALREADY_ISSUED',
  notFound: 'CREDENTIAL_NOT_FOUND',
  idInvalid: 'CREDENTIAL_ID_INVALID',
  achievementArchived: 'CREDENTIAL_ACHIEVEMENT_ARCHIVED',
  signingKeyUnknown: 'CREDENTIAL_SIGNING_KEY_UNKNOWN',
  signingKeyRevoked: 'CREDENTIAL_SIGNING_KEY_REVOKED',
  signingKeyNotActive: 'CREDENTIAL_SIGNING_KEY_NOT_ACTIVE',
  timestampInvalid: 'CREDENTIAL_TIMESTAMP_INVALID',
  validUntilNotAfterValidFrom: 'CREDENTIAL_VALID_UNTIL_NOT_AFTER_VALID_FROM',
  statusEntryInvalid: 'CREDENTIAL_STATUS_ENTRY_INVALID',
  triggerInvalid: 'CREDENTIAL_TRIGGER_INVALID',
  jwtInvalid: 'CREDENTIAL_JWT_INVALID',
  jwtMismatch: 'CREDENTIAL_JWT_MISMATCH',
  alreadyRevoked: 'CREDENTIAL_ALREADY_REVOKED',
  revoked: 'CREDENTIAL_REVOKED',
  alreadySuspended: 'CREDENTIAL_ALREADY_SUSPENDED',
  notSuspended: 'CREDENTIAL_NOT_SUSPENDED',
  notSuspendable: 'CREDENTIAL_NOT_SUSPENDABLE',
  reasonRequired: 'CREDENTIAL_REASON_REQUIRED',
} as const;

export type CredentialErrorCode = (typeof CREDENTIAL_ERROR_CODES)[keyof typeof CREDENTIAL_ERROR_CODES];

export class CredentialError extends DomainError {
  constructor(code: CredentialErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
