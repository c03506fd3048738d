import { CallHandler, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@credstream/event-sourcing';
import { StreamVersionConflictError } from '@credstream/event-store';
import { PreconditionFailedError } from '@credstream/issuance/application';
import { ProblemException } from '@credstream/runtime';

const CONFLICT = /_(ALREADY_[A-Z_]+|ARCHIVED|DUPLICATE|EXISTS|REVOKED|NOT_ACTIVE|NO_ACTIVE_KEY)$/;

/**
 * Maps refusals of the tenants, keys, issuers and achievements use cases to problem documents: `*_NOT_FOUND` 404,
 * state conflicts 409, other domain codes 400 naming the field; If-Match mismatch 412, lost races 409.
 */
export function issuanceProblemOf(error: unknown): unknown {
  if (error instanceof PreconditionFailedError) {
    return new ProblemException(
      HttpStatus.PRECONDITION_FAILED,
      error.code,
      `The resource changed: it is at version ${error.currentVersion}, not ${error.expectedVersion}. Read it again.`,
      [{ field: 'If-Match', message: `current version is "${error.currentVersion}"` }],
    );
  }
  if (error instanceof StreamVersionConflictError) {
    return new ProblemException(
      HttpStatus.CONFLICT,
      'CONCURRENT_MODIFICATION',
      'Another request changed this resource; retry.',
    );
  }
  if (error instanceof DomainError) {
    const status = error.code.endsWith('_NOT_FOUND')
      ? HttpStatus.NOT_FOUND
      : CONFLICT.test(error.code)
        ? HttpStatus.CONFLICT
        : HttpStatus.BAD_REQUEST;
    const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
    return new ProblemException(status, error.code, error.message, field ? [{ field, message: error.message }] : []);
  }
  return error;
}

@Injectable()
export class IssuanceProblemsInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => issuanceProblemOf(error))));
  }
}
