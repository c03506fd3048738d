import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaConfig as KafkaSettings } from '@credstream/config';
import { ManagedConnection, withTimeout } from './dependency-probe';
import { kafkaClientConfig } from './kafka-client-config';
import { BackgroundConnector } from './retry-in-background';

const PROBE_TIMEOUT_MS = 3_000;

/** One kafkajs client per service: an idempotent producer and an admin client used for readiness. */
export class KafkaConnection implements ManagedConnection {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  readonly producer: Producer;
  private readonly admin: Admin;
  private readonly connector: BackgroundConnector;

  constructor(
    /** The validated settings, for threads that open a client of their own (the relay's producer thread). */
    readonly settings: KafkaSettings,
    readonly clientId: string,
    logger: Logger,
  ) {
    this.kafka = new Kafka(kafkaClientConfig(settings, clientId, logger));
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = this.kafka.admin({ retry: { retries: 0 } });
    this.connector = new BackgroundConnector('kafka', () => this.producer.connect(), logger);
  }

  start(): void {
    this.connector.start();
  }

  async check(): Promise<void> {
    await withTimeout(
      this.admin.connect().then(() => this.admin.describeCluster()),
      PROBE_TIMEOUT_MS,
      'kafka',
    );
  }

  /** Disconnecting the producer flushes what it still holds. */
  async close(): Promise<void> {
    this.connector.stop();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
