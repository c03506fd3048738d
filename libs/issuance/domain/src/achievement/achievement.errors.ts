import { DomainError } from '@credstream/event-sourcing';

export const ACHIEVEMENT_ERROR_CODES = {
  alreadyExists: 'ACHIEVEMENT_ALREADY_EXISTS',
  notFound: 'ACHIEVEMENT_NOT_FOUND',
  archived: 'ACHIEVEMENT_ARCHIVED',
  idInvalid: 'ACHIEVEMENT_ID_INVALID',
  nameRequired: 'ACHIEVEMENT_NAME_REQUIRED',
  descriptionRequired: 'ACHIEVEMENT_DESCRIPTION_REQUIRED',
  criteriaRequired: 'ACHIEVEMENT_CRITERIA_REQUIRED',
  urlInvalid: 'ACHIEVEMENT_URL_INVALID',
  typeUnknown: 'ACHIEVEMENT_TYPE_UNKNOWN',
  alignmentInvalid: 'ACHIEVEMENT_ALIGNMENT_INVALID',
  resultDescriptionInvalid: 'ACHIEVEMENT_RESULT_DESCRIPTION_INVALID',
  creditsInvalid: 'ACHIEVEMENT_CREDITS_INVALID',
} as const;

export type AchievementErrorCode = (typeof ACHIEVEMENT_ERROR_CODES)[keyof typeof ACHIEVEMENT_ERROR_CODES];

export class AchievementError extends DomainError {
  constructor(code: AchievementErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
