import type { INestApplication } from '@nestjs/common';
import { KafkaEventServer, KafkaEventServerOptions } from '@credstream/messaging';
import { KafkaConnection } from '../connections/kafka-connection';

/** Everything but the client, which comes from the service's `KafkaConnection`. */
export type EventConsumersOptions = Omit<KafkaEventServerOptions, 'kafka'>;

/**
 * Connects the Kafka transport to the app's `@EventPattern` handlers. It starts with
 * `app.startAllMicroservices()` (done by `runService` and `bootService`), and stops with `app.close()`.
 */
export function connectEventConsumers(app: INestApplication, options: EventConsumersOptions): void {
  const kafka = app.get(KafkaConnection).kafka;
  // Not inheritAppConfig: the HTTP problem-details filter must not see consumer errors (the transport handles them).
  app.connectMicroservice({ strategy: new KafkaEventServer({ ...options, kafka }) });
}
