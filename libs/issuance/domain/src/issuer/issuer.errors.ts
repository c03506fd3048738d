import { DomainError } from '@credstream/event-sourcing';

export const ISSUER_ERROR_CODES = {
  alreadyExists: 'ISSUER_ALREADY_EXISTS',
  notFound: 'ISSUER_NOT_FOUND',
  idInvalid: 'ISSUER_ID_INVALID',
  didInvalid: 'ISSUER_DID_INVALID',
  nameRequired: 'ISSUER_NAME_REQUIRED',
  urlInvalid: 'ISSUER_URL_INVALID',
  emailInvalid: 'ISSUER_EMAIL_INVALID',
  keyIdInvalid: 'ISSUER_KEY_ID_INVALID',
  keyAlgorithmUnsupported: 'ISSUER_KEY_ALGORITHM_UNSUPPORTED',
  keyNotPublic: 'ISSUER_KEY_NOT_PUBLIC',
  keyRefInvalid: 'ISSUER_KEY_REF_INVALID',
  keyDuplicate: 'ISSUER_KEY_DUPLICATE',
  keyNotFound: 'ISSUER_KEY_NOT_FOUND',
  keyAlreadyRevoked: 'ISSUER_KEY_ALREADY_REVOKED',
  activeKeyExists: 'ISSUER_ACTIVE_KEY_EXISTS',
  noActiveKey: 'ISSUER_NO_ACTIVE_KEY',
  reasonRequired: 'ISSUER_REASON_REQUIRED',
  timestampInvalid: 'ISSUER_TIMESTAMP_INVALID',
} as const;

export type IssuerErrorCode = (typeof ISSUER_ERROR_CODES)[keyof typeof ISSUER_ERROR_CODES];

export class IssuerError extends DomainError {
  constructor(code: IssuerErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
