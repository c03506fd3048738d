import type { CheckName } from '../checks/check-name';
import type { CheckResult } from '../checks/check-result';
import type { ReasonCode } from '../checks/reason-code';

/** RFC 9457 problem details as VCDM 2.0 §7.1 reports them, plus the credstream check and reason code. */
export interface ProblemDetail {
  type: string;
  title: string;
  detail: string;
  check: CheckName;
  reasonCode: ReasonCode;
}

const VCDM = 'https://www.w3.org/TR/vc-data-model#';
const STATUS_LIST = 'https://www.w3.org/ns/credentials/status-list#';

/** The VCDM 2.0 / Bitstring Status List problem type where one fits; a credstream URN where none does. */
const TYPES: Partial<Record<ReasonCode, string>> = {
  TOKEN_TOO_LARGE: `${VCDM}PARSING_ERROR`,
  JWT_MALFORMED: `${VCDM}PARSING_ERROR`,
  FORMAT_UNSUPPORTED: `${VCDM}PARSING_ERROR`,
  IMAGE_WITHOUT_CREDENTIAL: `${VCDM}PARSING_ERROR`,
  ALG_NOT_ALLOWED: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  KEY_NOT_FOUND: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  KEY_ISSUER_MISMATCH: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  KEY_UNSUITABLE: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  DID_METHOD_UNSUPPORTED: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  DID_UNRESOLVABLE: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  ADDRESS_NOT_ALLOWED: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  SIGNATURE_INVALID: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  CLAIMS_INCONSISTENT: `${VCDM}MALFORMED_VALUE_ERROR`,
  SCHEMA_INVALID: `${VCDM}MALFORMED_VALUE_ERROR`,
  DATE_INVALID: `${VCDM}MALFORMED_VALUE_ERROR`,
  STATUS_ENTRY_INVALID: `${VCDM}MALFORMED_VALUE_ERROR`,
  STATUS_UNAVAILABLE: `${STATUS_LIST}STATUS_RETRIEVAL_ERROR`,
  STATUS_LIST_INVALID: `${STATUS_LIST}STATUS_VERIFICATION_ERROR`,
};

const TITLES: Record<CheckName, string> = {
  structure: 'The credential could not be read',
  algorithm: 'The signature algorithm is not allowed',
  key: 'The signing key could not be found',
  signature: 'The signature is not valid',
  claims: 'The JWT claims contradict the credential',
  schema: 'The credential does not match its schema',
  validity: 'The credential is outside its validity period',
  status: 'The credential status is not good',
  issuer: 'The issuer is not known to credstream',
  recipient: 'The credential belongs to someone else',
};

export function problemDetailOf(check: CheckResult): ProblemDetail {
  const reasonCode = check.code ?? 'NOT_APPLICABLE';
  return {
    type: TYPES[reasonCode] ?? `urn:credstream:verification:${reasonCode}`,
    title: TITLES[check.name],
    detail: check.message ?? reasonCode,
    check: check.name,
    reasonCode,
  };
}
