/** Stable reason codes: why a check failed or was skipped. Part of the public API and of `credential.verified.v1`. */
export const FAILURE_CODES = [
  'TOKEN_TOO_LARGE',
  'JWT_MALFORMED',
  'FORMAT_UNSUPPORTED',
  'IMAGE_WITHOUT_CREDENTIAL',
  'ALG_NOT_ALLOWED',
  'KEY_NOT_FOUND',
  'KEY_ISSUER_MISMATCH',
  'KEY_UNSUITABLE',
  'DID_METHOD_UNSUPPORTED',
  'DID_UNRESOLVABLE',
  'ADDRESS_NOT_ALLOWED',
  'SIGNATURE_INVALID',
  'CLAIMS_INCONSISTENT',
  'SCHEMA_INVALID',
  'DATE_INVALID',
  'NOT_YET_VALID',
  'EXPIRED',
  'STATUS_REVOKED',
  'STATUS_SUSPENDED',
  'STATUS_ENTRY_INVALID',
  'STATUS_LIST_INVALID',
  'STATUS_UNAVAILABLE',
  'ISSUER_UNKNOWN',
  'RECIPIENT_MISMATCH',
] as const;

export const SKIP_CODES = ['BLOCKED', 'NOT_APPLICABLE', 'SCHEMA_UNKNOWN', 'STATUS_TYPE_UNSUPPORTED'] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];
export type SkipCode = (typeof SKIP_CODES)[number];
export type ReasonCode = FailureCode | SkipCode;
