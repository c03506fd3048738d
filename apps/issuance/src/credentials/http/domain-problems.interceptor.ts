import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { StreamVersionConflictError } from '@credstream/event-store';
import { DomainError } from '@credstream/event-sourcing';
import { InvalidCursorError } from '@credstream/issuance/infrastructure';
import { IssuanceRequestError, StatusListError, type RefusalKind } from '@credstream/issuance/application';
import { ProblemException } from '@credstream/runtime';

const STATUS_OF_KIND: Record<RefusalKind, number> = { 'not-found': 404, invalid: 400, conflict: 409, 'too-large': 413 };
const CONFLICT = /_(ALREADY_[A-Z_]+|ARCHIVED|REVOKED|NOT_ACTIVE|NOT_SUSPENDED|NOT_SUSPENDABLE|DUPLICATE|EXISTS|FULL)$/;

/** Maps domain and application refusals to problem documents with their stable code and the field or row. */
export function problemOf(error: unknown): unknown {
  if (error instanceof IssuanceRequestError) {
    const { kind, field, row } = error.details as { kind: RefusalKind; field?: string; row?: number };
    return new ProblemException(
      STATUS_OF_KIND[kind],
      error.code,
      error.message,
      fieldErrors(field, row, error.message),
    );
  }
  if (error instanceof DomainError) {
    const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
    const status = error.code.endsWith('_NOT_FOUND') ? 404 : CONFLICT.test(error.code) ? 409 : 400;
    return new ProblemException(status, error.code, error.message, fieldErrors(field, undefined, error.message));
  }
  if (error instanceof InvalidCursorError) {
    return new ProblemException(400, error.code, error.message, [{ field: 'after', message: error.message }]);
  }
  if (error instanceof StatusListError) {
    return new ProblemException(error.code === 'STATUS_LIST_NOT_FOUND' ? 404 : 409, error.code, error.message);
  }
  if (error instanceof StreamVersionConflictError) {
    return new ProblemException(409, 'CONCURRENT_MODIFICATION', 'another request changed this resource; retry');
  }
  return error;
}

function fieldErrors(field: string | undefined, row: number | undefined, message: string) {
  if (field === undefined && row === undefined) return [];
  const name = row !== undefined ? `row ${row}${field ? `: ${field}` : ''}` : (field ?? 'request');
  return [{ field: name, message }];
}

@Injectable()
export class DomainProblemsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => problemOf(error))));
  }
}
