import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { InjectThrottlerStorage, normalizeIp, type ThrottlerStorage } from '@nestjs/throttler';
import { rateLimitedProblem, rateLimitKey } from './rate-limit.guard';

export const VERIFY_RATE_LIMIT_OPTIONS = Symbol('VERIFY_RATE_LIMIT_OPTIONS');

export interface VerifyRateLimitOptions {
  limit: number;
  windowMs: number;
}

/**
 * The rate limit of the public endpoints for the fast lane: the same budget per client address as `RateLimitGuard`
 * (same storage, same key), the same headers, the same 429 problem.
 */
@Injectable()
export class VerifyRateLimit {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(VERIFY_RATE_LIMIT_OPTIONS) private readonly options: VerifyRateLimitOptions,
  ) {}

  /** Counts the request; returns the X-RateLimit headers, or throws 429 RATE_LIMITED with Retry-After. */
  async consume(request: IncomingMessage): Promise<Record<string, string>> {
    const { limit, windowMs } = this.options;
    const key = rateLimitKey('default', normalizeIp(request.socket.remoteAddress ?? ''));
    const hits = await this.storage.increment(key, windowMs, limit, windowMs, 'default');
    if (hits.isBlocked) {
      const retryAfter = hits.timeToBlockExpire;
      throw rateLimitedProblem(limit, windowMs, retryAfter, { 'retry-after': String(retryAfter) });
    }
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - hits.totalHits)),
      'x-ratelimit-reset': String(hits.timeToExpire),
    };
  }
}
