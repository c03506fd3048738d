import type { ClickHouseClient } from '@clickhouse/client';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { ConsumerMetrics } from '@credstream/messaging';
import { ClickHouseEventWriter } from '../clickhouse/event-row.writer';
import { ClickHouseMigrator } from '../clickhouse/migrator';
import { AnalyticsProjectionConsumer } from './analytics-projection.consumer';
import { ProjectionMetrics } from './projection.metrics';

/** Tables (not views) that hold data; views and materialized views follow them by name. */
export const REBUILT_TABLES = [
  'events',
  'credential_facts',
  'api_key_events',
  'tenant_versions',
  'activity_facts',
  'holding_events',
  'achievement_revisions',
  'tenant_profiles',
  'erased_recipients',
  'programme_costs',
  'schema_migrations',
] as const;

export interface RebuildOptions {
  kafka: Kafka;
  producer: Producer;
  /** A client per database: the live one and a scratch one (created, migrated and finally dropped). */
  live: { client: ClickHouseClient; database: string };
  scratch: { client: ClickHouseClient; database: string };
  topics: readonly string[];
  logger: Logger;
  maxBatchRows?: number;
  /** Consumer group of this rebuild; a fresh one per run so it reads every topic from the beginning. */
  groupId: string;
  timeoutMs?: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Re-consumes every topic from the beginning into fresh tables, then swaps them in (one atomic RENAME) and lets the
 * same consumer group catch up with what arrived meanwhile, now writing to the swapped-in tables. Safe while the
 * live projection keeps running: every table is idempotent, so events written by both are counted once.
 * Programme costs are tenant input, not events: they are copied over before the swap.
 */
export class ProjectionRebuild {
  constructor(private readonly options: RebuildOptions) {
    for (const name of [options.live.database, options.scratch.database]) {
      if (!IDENTIFIER.test(name)) throw new Error(`not a plain database name: ${name}`);
    }
  }

  async run(): Promise<{ events: number }> {
    const { live, scratch, logger } = this.options;
    // The live schema must hold every table swapped in (a service of the previous version may not have migrated it).
    await new ClickHouseMigrator(live.client).migrate();
    await live.client.command({ query: `DROP DATABASE IF EXISTS ${scratch.database}` });
    await live.client.command({ query: `CREATE DATABASE ${scratch.database}` });
    await new ClickHouseMigrator(scratch.client).migrate();
    logger.info({ database: scratch.database }, 'rebuild: consuming every topic from the beginning');
    await this.consumeUntilCaughtUp(scratch.client);
    await live.client.command({
      query: `INSERT INTO ${scratch.database}.programme_costs SELECT * FROM ${live.database}.programme_costs`,
    });
    await live.client.command({
      query: `RENAME TABLE ${REBUILT_TABLES.map(
        (table) =>
          `${live.database}.${table} TO ${scratch.database}.${table}_old, ${scratch.database}.${table} TO ${live.database}.${table}`,
      ).join(', ')}`,
    });
    logger.info('rebuild: tables swapped; catching up with events that arrived meanwhile');
    await this.consumeUntilCaughtUp(live.client);
    await live.client.command({ query: `DROP DATABASE IF EXISTS ${scratch.database}` });
    const [row] = await (
      await live.client.query({ query: 'SELECT uniqExact(event_id) AS n FROM events', format: 'JSONEachRow' })
    ).json<{ n: string }>();
    return { events: Number(row?.n ?? 0) };
  }

  private async consumeUntilCaughtUp(client: ClickHouseClient): Promise<void> {
    const { kafka, producer, groupId, topics, logger } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const targets = await endOffsets(admin, topics);
      const consumer = new AnalyticsProjectionConsumer({
        kafka,
        producer,
        groupId,
        topics,
        writer: new ClickHouseEventWriter(client),
        logger,
        consumerMetrics: new ConsumerMetrics(groupId),
        projectionMetrics: new ProjectionMetrics(),
        maxBatchRows: this.options.maxBatchRows ?? 10_000,
        maxBatchWaitMs: 200,
      });
      await consumer.start();
      try {
        const deadline = Date.now() + (this.options.timeoutMs ?? 30 * 60_000);
        while (!(await caughtUp(admin, groupId, targets))) {
          if (Date.now() > deadline) throw new Error('rebuild did not catch up in time');
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      } finally {
        await consumer.stop();
      }
    } finally {
      await admin.disconnect();
    }
  }
}

type Offsets = Map<string, string>;

async function endOffsets(admin: Admin, topics: readonly string[]): Promise<Offsets> {
  const offsets: Offsets = new Map();
  for (const topic of topics) {
    for (const partition of await admin.fetchTopicOffsets(topic)) {
      offsets.set(`${topic}:${partition.partition}`, partition.high);
    }
  }
  return offsets;
}

async function caughtUp(admin: Admin, groupId: string, targets: Offsets): Promise<boolean> {
  const topics = [...new Set([...targets.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))];
  const committed: Offsets = new Map();
  for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
    for (const { partition, offset } of partitions) committed.set(`${topic}:${partition}`, offset);
  }
  return [...targets].every(([key, high]) => {
    if (high === '0') return true;
    const offset = committed.get(key);
    return offset !== undefined && offset !== '-1' && BigInt(offset) >= BigInt(high);
  });
}
