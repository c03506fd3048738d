import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Tracing } from '@credstream/observability';

export interface RunOptions {
  app: INestApplication;
  host: string;
  port: number;
  shutdownTimeoutMs: number;
  logger: Logger;
  tracing: Tracing;
}

/**
 * Serves HTTP and stops gracefully on SIGTERM/SIGINT: stop accepting, let in-flight requests
 * and consumers finish, flush producers and spans, close connections — or exit non-zero once
 * the shutdown budget is spent.
 */
export async function runService(options: RunOptions): Promise<void> {
  const { app, host, port, logger } = options;
  // Before anything starts: a SIGTERM while consumers are still joining must still stop gracefully.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      void shutDown(signal, options);
    });
  }
  await app.listen(port, host);
  logger.info({ url: await app.getUrl() }, 'listening');
  // Consumers join their groups after HTTP is up (liveness answers meanwhile); a service that cannot
  // consume at all fails startup and exits, to be restarted, rather than serve stale reads.
  await app.startAllMicroservices().catch((error: unknown) => {
    // Consumers interrupted by a shutdown are not a failed start.
    if (!stopping) throw error;
  });
}

async function shutDown(
  signal: NodeJS.Signals,
  { app, logger, tracing, shutdownTimeoutMs }: RunOptions,
): Promise<void> {
  logger.info({ signal, shutdownTimeoutMs }, 'shutting down');
  const deadline = setTimeout(() => {
    logger.error({ shutdownTimeoutMs }, 'shutdown budget exceeded; exiting');
    process.exit(1);
  }, shutdownTimeoutMs);
  deadline.unref();
  try {
    await app.close();
    await tracing.shutdown();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
