import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ProblemException } from '@credstream/runtime';

/**
 * Limits requests per client address on the routes that mail links or try link tokens (sign-in, claim),
 * so they cannot be used to flood inboxes or to guess tokens. Over the limit: 429 RATE_LIMITED.
 */
@Injectable()
export class LinkRateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext): Promise<void> {
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'RATE_LIMITED',
      'too many requests; try again in a minute',
    );
  }
}
