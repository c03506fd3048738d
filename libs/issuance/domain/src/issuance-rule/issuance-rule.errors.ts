import { DomainError } from '@credstream/event-sourcing';

export const ISSUANCE_RULE_ERROR_CODES = {
  alreadyExists: 'ISSUANCE_RULE_ALREADY_EXISTS',
  notFound: 'ISSUANCE_RULE_NOT_FOUND',
  alreadyDisabled: 'ISSUANCE_RULE_ALREADY_DISABLED',
  courseRequired: 'ISSUANCE_RULE_COURSE_REQUIRED',
  idInvalid: 'ISSUANCE_RULE_ID_INVALID',
  partnerSourceInvalid: 'ISSUANCE_RULE_PARTNER_SOURCE_INVALID',
  conditionInvalid: 'ISSUANCE_RULE_CONDITION_INVALID',
  timestampInvalid: 'ISSUANCE_RULE_TIMESTAMP_INVALID',
} as const;

export type IssuanceRuleErrorCode = (typeof ISSUANCE_RULE_ERROR_CODES)[keyof typeof ISSUANCE_RULE_ERROR_CODES];

export class IssuanceRuleError extends DomainError {
  constructor(code: IssuanceRuleErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
