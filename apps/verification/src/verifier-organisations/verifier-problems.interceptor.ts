import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@credstream/event-sourcing';
import { ProblemException } from '@credstream/runtime';

const STATUS_BY_CODE: Record<string, number> = {
  VERIFIER_PROFILE_INVALID: 400,
  VERIFIER_ORGANISATION_EXISTS: 409,
  VERIFIER_ORGANISATION_NOT_FOUND: 404,
  VERIFIER_KEY_NOT_FOUND: 404,
  VERIFIER_LAST_KEY: 409,
  VERIFIER_TOO_MANY_KEYS: 409,
};

/** Domain refusals of the verifier-organisation use cases as problem responses (400 with the field at fault, …). */
@Injectable()
export class VerifierProblemsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError)) return throwError(() => error);
        const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
        const problem = new ProblemException(
          STATUS_BY_CODE[error.code] ?? 422,
          error.code,
          error.message,
          field ? [{ field, message: error.message }] : [],
        );
        return throwError(() => problem);
      }),
    );
  }
}
