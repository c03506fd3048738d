/**
 * Secondary entry point (@credstream/runtime/launch) for a service's main.ts. It deliberately
 * imports nothing that loads Nest, kafkajs or mongoose: configuration is validated and tracing
 * started first, and only then is the rest of the runtime loaded, so instrumentation can patch it.
 */
import type { DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import { loadConfigOrExit, RuntimeConfig } from '@credstream/config';
import { createLogger, startTracing } from '@credstream/observability';
import type { Logger } from 'pino';
import type { ServiceDescription } from './service-description';
import type { EventConsumersOptions } from './bootstrap/connect-event-consumers';

export type { ServiceDescription } from './service-description';

type ServiceConfig = RuntimeConfig & { PORT: number };

export interface LaunchOptions<S extends z.ZodType<ServiceConfig, z.ZodTypeDef, unknown>> {
  service: ServiceDescription;
  configSchema: S;
  /** Loads (dynamically, after tracing starts) and configures the service's root Nest module. */
  rootModule: (config: z.output<S>, logger: Logger) => Promise<DynamicModule>;
  /** The service's consumer group, delivering events to its `@EventPattern` handlers. */
  consumers?: EventConsumersOptions;
}

export function launchService<S extends z.ZodType<ServiceConfig, z.ZodTypeDef, unknown>>(
  options: LaunchOptions<S>,
): void {
  const config = loadConfigOrExit(options.service.name, options.configSchema);
  const tracing = startTracing({
    serviceName: `credstream-${options.service.name}`,
    serviceVersion: options.service.version,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    sampleRatio: config.OTEL_TRACES_SAMPLE_RATIO,
  });
  const logger = createLogger({ serviceName: options.service.name, level: config.LOG_LEVEL });
  void start(options, config, logger, tracing).catch((error: unknown) => {
    logger.fatal({ err: error }, 'failed to start');
    logger.flush();
    process.exit(1);
  });
}

async function start<S extends z.ZodType<ServiceConfig, z.ZodTypeDef, unknown>>(
  options: LaunchOptions<S>,
  config: z.output<S>,
  logger: Logger,
  tracing: ReturnType<typeof startTracing>,
): Promise<void> {
  const { createServiceApp } = await import('./bootstrap/create-service-app');
  const { runService } = await import('./bootstrap/run-service');
  const app = await createServiceApp(await options.rootModule(config, logger), options.service, {
    consumers: options.consumers,
    allowHistoricalTimestamps: config.ALLOW_HISTORICAL_TIMESTAMPS,
  });
  await runService({
    app,
    host: config.HOST,
    port: config.PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    logger,
    tracing,
  });
}
