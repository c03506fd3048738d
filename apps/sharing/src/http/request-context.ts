import type { Request } from 'express';
import type { RequestContext } from '@credstream/sharing/application';

/** The correlation id the runtime's middleware echoed (or made) for this request. */
export function requestContextOf(request: Request): RequestContext {
  const correlationId = request.res?.getHeader('x-correlation-id');
  return { correlationId: typeof correlationId === 'string' ? correlationId : 'unknown', causationId: null };
}
