import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { register as defaultRegistry } from 'prom-client';
import { TOPICS } from '@credstream/contracts';
import { ConsumerMetrics } from '@credstream/messaging';
import {
  AnalyticsProjectionConsumer,
  ClickHouseEventWriter,
  ClickHouseMigrator,
  ProjectionMetrics,
} from '@credstream/analytics/infrastructure';
import { ClickHouseConnection, KafkaConnection, ROOT_LOGGER } from '@credstream/runtime';
import { ANALYTICS_CONFIG } from '../config/analytics-config.token';
import type { AnalyticsConfig } from '../config/analytics.config';

const RETRY_MS = 2_000;

/**
 * Applies the ClickHouse migrations, then runs the projection consumer, in the background: the HTTP API starts
 * even while ClickHouse or Kafka are down (readiness says which), and both steps are retried until they succeed.
 */
@Injectable()
export class ProjectionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: AnalyticsProjectionConsumer | undefined;
  private closed = false;
  private running: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly clickhouse: ClickHouseConnection,
    private readonly kafka: KafkaConnection,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'analytics-projection' });
  }

  onApplicationBootstrap(): void {
    this.running = this.startWithRetries();
  }

  /** Before ConnectionsModule closes Kafka and ClickHouse, so the last batch can still be written and committed. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.running;
    await this.consumer?.stop();
  }

  private async startWithRetries(): Promise<void> {
    while (!this.closed) {
      try {
        const applied = await new ClickHouseMigrator(this.clickhouse.client).migrate();
        if (applied.length > 0) this.logger.info({ applied }, 'ClickHouse migrations applied');
        if (!this.config.ANALYTICS_PROJECTION_ENABLED || this.closed) return;
        const consumer = this.createConsumer();
        await consumer.start();
        this.consumer = consumer;
        this.logger.info({ groupId: this.config.ANALYTICS_CONSUMER_GROUP }, 'analytics projection started');
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'analytics projection not started yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private createConsumer(): AnalyticsProjectionConsumer {
    const groupId = this.config.ANALYTICS_CONSUMER_GROUP;
    return new AnalyticsProjectionConsumer({
      kafka: this.kafka.kafka,
      producer: this.kafka.producer,
      groupId,
      topics: Object.values(TOPICS),
      writer: new ClickHouseEventWriter(this.clickhouse.client),
      logger: this.logger,
      consumerMetrics: new ConsumerMetrics(groupId, defaultRegistry),
      projectionMetrics: new ProjectionMetrics(defaultRegistry),
      maxBatchRows: this.config.ANALYTICS_BATCH_MAX_ROWS,
      maxBatchWaitMs: this.config.ANALYTICS_BATCH_MAX_WAIT_MS,
    });
  }
}
