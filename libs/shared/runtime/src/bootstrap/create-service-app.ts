import { DynamicModule, INestApplication } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { UnknownElementException } from '@nestjs/core/errors/exceptions/unknown-element.exception';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { buildAsyncApiDocument } from '@credstream/contracts';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { correlationIdMiddleware } from '../http/correlation-id.middleware';
import { FAST_ROUTES, installFastLane, type FastRoute } from '../http/fast-lane';
import { historicalTimestampMiddleware } from '../http/historical-timestamp.middleware';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { ROOT_LOGGER } from '../logging/logging.tokens';
import type { ServiceDescription } from '../service-description';
import { connectEventConsumers, EventConsumersOptions } from './connect-event-consumers';

export interface ServiceAppOptions {
  /** Connect a Kafka consumer group that delivers events to the app's `@EventPattern` handlers. */
  consumers?: EventConsumersOptions;
  /** Honour `x-credstream-occurred-at` and date consumed events' effects at their time (ALLOW_HISTORICAL_TIMESTAMPS). */
  allowHistoricalTimestamps?: boolean;
}

/** Builds a service's Nest application the same way in production and in integration tests. */
export async function createServiceApp(
  rootModule: DynamicModule,
  service: ServiceDescription,
  options: ServiceAppOptions = {},
): Promise<INestApplication> {
  // abortOnError off: a failed start throws to the caller (launchService logs it and exits 1) instead of aborting.
  const app = await NestFactory.create(rootModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(NestPinoLogger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(correlationIdMiddleware);
  app.use(historicalTimestampMiddleware(options.allowHistoricalTimestamps ?? false));
  app.useGlobalFilters(new ProblemDetailsFilter(app.get<Logger>(ROOT_LOGGER)));
  mountOpenApi(app, service);
  installFastLane(app.getHttpServer(), {
    routes: fastRoutesOf(app),
    logger: app.get<Logger>(ROOT_LOGGER),
    allowHistoricalTimestamps: options.allowHistoricalTimestamps ?? false,
  });
  if (options.consumers) {
    connectEventConsumers(app, { inheritOccurredAt: options.allowHistoricalTimestamps, ...options.consumers });
  }
  return app;
}

/** The routes a module registered with `fastRoutesProvider`, if any. */
function fastRoutesOf(app: INestApplication): FastRoute[] {
  try {
    // Through ModuleRef: the application's own `get` logs an error before throwing for a missing provider.
    return app.get(ModuleRef).get<FastRoute[]>(FAST_ROUTES, { strict: false });
  } catch (error) {
    if (error instanceof UnknownElementException) return [];
    throw error;
  }
}

function mountOpenApi(app: INestApplication, service: ServiceDescription): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service.title)
      .setDescription(service.description)
      .setVersion(service.version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Tenant API key (cs_<keyId>_<secret>)' }, 'api-key')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'Platform admin bootstrap token' },
        'platform-admin',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // Every service also serves the platform's event contracts (AsyncAPI 3, the same as docs/asyncapi.yaml).
  const asyncApi = buildAsyncApiDocument(service.version);
  app.getHttpAdapter().get('/docs/asyncapi.json', (_request: unknown, response: Response) => response.json(asyncApi));
}
