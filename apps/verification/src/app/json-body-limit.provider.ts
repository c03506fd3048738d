import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';

const JSON_BODY_LIMIT = Symbol('JSON_BODY_LIMIT');

/**
 * Sets the JSON body limit (Nest's default is 100 KB, too small for a large credential). Providers are built while
 * the app is created, before Nest registers its own parsers; Nest then sees `jsonParser` registered and keeps this
 * one. A body over the limit is a 413 PAYLOAD_TOO_LARGE problem (ProblemDetailsFilter).
 */
export function jsonBodyLimitProvider(limitBytes: number): Provider {
  return {
    provide: JSON_BODY_LIMIT,
    inject: [HttpAdapterHost],
    useFactory: (host: HttpAdapterHost) => {
      (host.httpAdapter as ExpressAdapter).useBodyParser('json', false, { limit: limitBytes });
      return limitBytes;
    },
  };
}
