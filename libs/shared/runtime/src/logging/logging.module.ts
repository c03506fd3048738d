import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from './logging.tokens';

const QUIET_PATHS = /^\/health\//;

/** Request logging through pino-http, sharing the service's root logger (and so its correlation fields). */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: (request: IncomingMessage) => String(request.headers['x-request-id'] ?? randomUUID()),
            autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
            quietReqLogger: true,
          },
        }),
      ],
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      exports: [ROOT_LOGGER],
    };
  }
}
