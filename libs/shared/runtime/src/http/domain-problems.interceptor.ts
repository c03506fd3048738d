import { mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainError } from '@credstream/event-sourcing';
import { ProblemException } from './problem.exception';

/** HTTP status per `DomainError` code; a code it does not name is a 422 (a rule the request breaks). */
export type StatusByDomainCode = Readonly<Record<string, number>>;

/** A domain refusal as a problem response: its stable code and message, and the field at fault when it names one. */
export function domainProblem(error: DomainError, statusByCode: StatusByDomainCode): ProblemException {
  const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
  return new ProblemException(
    statusByCode[error.code] ?? 422,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : [],
  );
}

/**
 * An interceptor mapping the `DomainError`s that HTTP handlers throw to problem responses (the mapping to HTTP
 * happens only at the edge); other errors, and Kafka handlers, are left alone.
 */
export function DomainProblemsInterceptor(statusByCode: StatusByDomainCode): Type<NestInterceptor> {
  class MapDomainErrors implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      if (context.getType() !== 'http') return next.handle();
      return next
        .handle()
        .pipe(
          catchError((error: unknown) =>
            throwError(() => (error instanceof DomainError ? domainProblem(error, statusByCode) : error)),
          ),
        );
    }
  }
  return mixin(MapDomainErrors);
}
