import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to KafkaEventServer unchanged. Nest's default RPC filter logs it and
 * replaces it with "Internal server error", which would be all the dead-letter `error` header says.
 * Apply with `@UseFilters(KafkaEventErrorFilter)` on consumer controllers or `useGlobalFilters`.
 */
@Catch()
export class KafkaEventErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
