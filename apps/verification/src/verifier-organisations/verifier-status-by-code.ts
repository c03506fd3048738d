import type { StatusByDomainCode } from '@credstream/runtime';

/** HTTP status of each refusal of the verifier-organisation use cases (others: 422). */
export const VERIFIER_STATUS_BY_CODE: StatusByDomainCode = {
  VERIFIER_PROFILE_INVALID: 400,
  VERIFIER_ORGANISATION_EXISTS: 409,
  VERIFIER_ORGANISATION_NOT_FOUND: 404,
  VERIFIER_KEY_NOT_FOUND: 404,
  VERIFIER_LAST_KEY: 409,
  VERIFIER_TOO_MANY_KEYS: 409,
};
