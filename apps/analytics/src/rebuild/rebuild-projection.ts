import { createClient } from '@clickhouse/client';
import { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { TOPICS } from '@credstream/contracts';
import { ProjectionRebuild } from '@credstream/analytics/infrastructure';
import { kafkaClientConfig } from '@credstream/runtime';
import type { AnalyticsConfig } from '../config/analytics.config';

/** Rebuilds every analytics table from Kafka into fresh tables and swaps them in; see ProjectionRebuild. */
export async function rebuildProjection(config: AnalyticsConfig, logger: Logger, now = new Date()): Promise<number> {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const scratchDatabase = `${config.CLICKHOUSE_DATABASE}_rebuild_${stamp}`;
  const client = (database: string) =>
    createClient({
      url: config.CLICKHOUSE_URL,
      username: config.CLICKHOUSE_USER,
      password: config.CLICKHOUSE_PASSWORD,
      database,
      request_timeout: 300_000,
    });
  const live = client(config.CLICKHOUSE_DATABASE);
  const scratch = client(scratchDatabase);
  const kafka = new Kafka(kafkaClientConfig(config, 'analytics-rebuild', logger));
  const producer = kafka.producer();
  await producer.connect();
  try {
    const result = await new ProjectionRebuild({
      kafka,
      producer,
      live: { client: live, database: config.CLICKHOUSE_DATABASE },
      scratch: { client: scratch, database: scratchDatabase },
      topics: Object.values(TOPICS),
      logger,
      groupId: `${config.ANALYTICS_CONSUMER_GROUP}-rebuild-${stamp}`,
    }).run();
    return result.events;
  } finally {
    await producer.disconnect();
    await Promise.all([live.close(), scratch.close()]);
  }
}
