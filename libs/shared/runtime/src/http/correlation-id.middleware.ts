import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithRequestContext } from '@credstream/observability';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes the caller's correlation id (or makes one), echoes it back, and makes it the context
 * of everything the request does: log lines, and later the events it causes.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const correlationId = correlationIdFor(request.header(CORRELATION_HEADER));
  response.setHeader(CORRELATION_HEADER, correlationId);
  runWithRequestContext({ correlationId }, next);
}

/** The caller's correlation id when it is acceptable, else a new one. */
export function correlationIdFor(offered: string | undefined): string {
  return offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
}
