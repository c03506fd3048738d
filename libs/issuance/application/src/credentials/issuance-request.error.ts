import { DomainError } from '@credstream/event-sourcing';

/** How the HTTP edge answers a refusal: 404, 400/422 (invalid), 409 (conflict), 413 (too large). */
export type RefusalKind = 'not-found' | 'invalid' | 'conflict' | 'too-large';

/** A refused issuance request outside the aggregates' own rules (unknown achievement, bad upload, …). */
export class IssuanceRequestError extends DomainError {
  constructor(code: string, message: string, details: { field?: string; kind: RefusalKind; row?: number }) {
    super(code, message, details);
  }
}
