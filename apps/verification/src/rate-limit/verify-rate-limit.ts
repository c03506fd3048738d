import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
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
  /** The key of each connection's client address, worked out once per connection rather than per request. */
  private readonly keys = new WeakMap<Socket, string>();
  private readonly limitText: string;

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(VERIFY_RATE_LIMIT_OPTIONS) private readonly options: VerifyRateLimitOptions,
  ) {
    this.limitText = String(options.limit);
  }

  /** Counts the request; returns the X-RateLimit headers, or throws 429 RATE_LIMITED with Retry-After. */
  async consume(request: IncomingMessage): Promise<Record<string, string>> {
    const { limit, windowMs } = this.options;
    const key = this.keyOf(request.socket);
    const hits = await this.storage.increment(key, windowMs, limit, windowMs, 'default');
    if (hits.isBlocked) {
      const retryAfter = hits.timeToBlockExpire;
      throw rateLimitedProblem(limit, windowMs, retryAfter, { 'retry-after': String(retryAfter) });
    }
    return {
      'x-ratelimit-limit': this.limitText,
      'x-ratelimit-remaining': String(Math.max(0, limit - hits.totalHits)),
      'x-ratelimit-reset': String(hits.timeToExpire),
    };
  }

  private keyOf(socket: Socket): string {
    let key = this.keys.get(socket);
    if (key === undefined) {
      key = rateLimitKey('default', normalizeIp(socket.remoteAddress ?? ''));
      this.keys.set(socket, key);
    }
    return key;
  }
}
