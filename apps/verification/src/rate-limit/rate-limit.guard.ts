import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '@credstream/runtime';

export const RATE_LIMITED = 'RATE_LIMITED';

/** One budget per throttler and client address, whichever public endpoint (or the fast lane) is called. */
export function rateLimitKey(throttlerName: string, clientAddress: string): string {
  return `verification:${throttlerName}:${clientAddress}`;
}

/**
 * The public verification endpoints share one budget per client address (the throttler's `Retry-After` header says
 * when to come back); an exhausted budget is a 429 problem with a stable code, not the throttler's plain error.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, suffix: string, name: string): string {
    return rateLimitKey(name, suffix);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The throttler has set Retry-After on the response itself.
    throw rateLimitedProblem(detail.limit, detail.ttl, detail.timeToBlockExpire);
  }
}

/** The 429 of an exhausted budget; with `headers`, for callers that write the response themselves. */
export function rateLimitedProblem(
  limit: number,
  windowMs: number,
  retryAfterSeconds: number,
  headers?: Record<string, string>,
): ProblemException {
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    RATE_LIMITED,
    `More than ${limit} verifications in ${Math.round(windowMs / 1000)} s from this client; ` +
      `retry in ${retryAfterSeconds} s.`,
    [],
    headers,
  );
}
