import type { DynamicModule, INestApplication } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { createServiceApp, ServiceAppOptions, ServiceDescription } from '@credstream/runtime';

export interface BootedService {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

/** Boots a service exactly as production does (same app factory), on a free loopback port. */
export async function bootService(
  description: ServiceDescription,
  rootModule: (logger: Logger) => DynamicModule,
  options: ServiceAppOptions = {},
): Promise<BootedService> {
  const logger = pino({ level: 'silent' });
  const app = await createServiceApp(rootModule(logger), description, options);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, logger, close: () => app.close() };
}
