import { HttpException } from '@nestjs/common';

/** One field or row at fault in a rejected request. */
export interface ProblemFieldError {
  field: string;
  message: string;
}

/**
 * An error meant for the caller: HTTP status, a stable machine-readable code, a human sentence,
 * and the fields at fault. Services map their domain errors to this at the HTTP edge.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: ProblemFieldError[] = [],
    /** Response headers that belong to the answer, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail, status);
  }
}
