import type { NextFunction, Request, Response } from 'express';
import { currentRequestContext } from '@credstream/observability';
import { problem } from './problem-details.filter';

export const OCCURRED_AT_HEADER = 'x-credstream-occurred-at';
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const FUTURE_TOLERANCE_MS = 60_000;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Dates the request's work in the past when the service allows historical timestamps (imports,
 * the demo): events and credentials it records carry that time. Otherwise the header is refused,
 * so a caller never believes it dated something it did not.
 */
export function historicalTimestampMiddleware(allowed: boolean) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const offered = request.header(OCCURRED_AT_HEADER);
    if (offered === undefined) return next();
    const refusal = refuseOccurredAt(offered, allowed);
    if (refusal) {
      const body = problem(400, refusal.code, refusal.detail, request.originalUrl, [
        { field: OCCURRED_AT_HEADER, message: refusal.detail },
      ]);
      response.status(400).type('application/problem+json').json(body);
      return;
    }
    const context = currentRequestContext();
    if (context) context.occurredAt = new Date(offered);
    next();
  };
}

/** Why an `x-credstream-occurred-at` value cannot date this request, or undefined when it can. */
export function refuseOccurredAt(offered: string, allowed: boolean): { code: string; detail: string } | undefined {
  if (!allowed) {
    return {
      code: 'OCCURRED_AT_NOT_ALLOWED',
      detail: `${OCCURRED_AT_HEADER} is accepted only when the service runs with ALLOW_HISTORICAL_TIMESTAMPS=true`,
    };
  }
  const time = Date.parse(offered);
  if (!ISO_TIMESTAMP.test(offered) || Number.isNaN(time)) {
    return { code: 'OCCURRED_AT_INVALID', detail: `${OCCURRED_AT_HEADER} must be an ISO-8601 timestamp with a zone` };
  }
  if (time < EARLIEST || time > Date.now() + FUTURE_TOLERANCE_MS) {
    return { code: 'OCCURRED_AT_INVALID', detail: `${OCCURRED_AT_HEADER} must lie between 2000 and now` };
  }
  return undefined;
}
