import { DomainError } from '@credstream/event-sourcing';

export const STATUS_LIST_ERROR_CODES = {
  alreadyExists: 'STATUS_LIST_ALREADY_EXISTS',
  notFound: 'STATUS_LIST_NOT_FOUND',
  idInvalid: 'STATUS_LIST_ID_INVALID',
  purposeUnknown: 'STATUS_LIST_PURPOSE_UNKNOWN',
  sizeInvalid: 'STATUS_LIST_SIZE_INVALID',
  full: 'STATUS_LIST_FULL',
  allocationEmpty: 'STATUS_LIST_ALLOCATION_EMPTY',
  indexOutOfRange: 'STATUS_INDEX_OUT_OF_RANGE',
  indexAlreadyAllocated: 'STATUS_INDEX_ALREADY_ALLOCATED',
  indexNotAllocated: 'STATUS_INDEX_NOT_ALLOCATED',
  revocationIrreversible: 'STATUS_REVOCATION_IRREVERSIBLE',
} as const;

export type StatusListErrorCode = (typeof STATUS_LIST_ERROR_CODES)[keyof typeof STATUS_LIST_ERROR_CODES];

export class StatusListError extends DomainError {
  constructor(code: StatusListErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
