import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@credstream/event-sourcing';
import { ProblemException } from '@credstream/runtime';

/** HTTP status of each domain/application error code; unknown codes are 422 (a rule the request breaks). */
const STATUS_BY_CODE: Record<string, number> = {
  CLAIM_TOKEN_INVALID: 404,
  CLAIM_TOKEN_USED: 409,
  CLAIM_TOKEN_EXPIRED: 410,
  CLAIM_EMAIL_MISMATCH: 403,
  CREDENTIAL_NOT_FOUND: 404,
  CREDENTIAL_NOT_IN_WALLET: 404,
  CREDENTIAL_DECLINED: 409,
  CREDENTIAL_NOT_PUBLIC: 409,
  CREDENTIAL_ALREADY_HELD: 409,
  CREDENTIAL_ERASED: 410,
  RECIPIENT_ERASED: 410,
  RECIPIENT_NOT_FOUND: 404,
  SHARE_NOT_FOUND: 404,
  SHARE_EXISTS: 409,
  SHARE_EXPIRY_IN_PAST: 422,
  NOT_A_CREDENTIAL: 422,
  IMPORT_NOT_BAKED: 422,
  SIGN_IN_LINK_INVALID: 400,
  SESSION_REQUIRED: 401,
};

export function problemOf(error: DomainError): ProblemException {
  const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
  return new ProblemException(
    STATUS_BY_CODE[error.code] ?? 422,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : [],
  );
}

/** Maps domain errors thrown by HTTP handlers to problem responses; Kafka handlers are left alone. */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) => throwError(() => (error instanceof DomainError ? problemOf(error) : error))),
      );
  }
}
