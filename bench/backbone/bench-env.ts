import { Admin, Kafka, logLevel } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_CONTRACTS } from '@credstream/contracts';
import type { AppendMetadata } from '@credstream/event-store';
import type { DomainEvent } from '@credstream/event-sourcing';

/**
 * A private Mongo database and Kafka topic on the local infrastructure (tools/infra up), removed afterwards.
 * `MONGODB_URI` / `KAFKA_BROKERS` point the bench at other servers (e.g. a private FerretDB).
 */
export interface BenchEnv {
  kafka: Kafka;
  admin: Admin;
  connection: Connection;
  topic: string;
  runId: string;
  logger: pino.Logger;
  newTopic(suffix: string): Promise<string>;
  dispose(): Promise<void>;
}

export const PARTITIONS = 3;

export async function createBenchEnv(): Promise<BenchEnv> {
  const runId = Date.now().toString(36);
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const mongoServer = (process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/credstream').replace(/\/[^/]*$/, '');
  const kafka = new Kafka({ clientId: `bench-${runId}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics: string[] = [];
  const newTopic = async (suffix: string) => {
    const topic = `bench.backbone.${runId}.${suffix}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    topics.push(topic);
    return topic;
  };
  const connection = await mongoose.createConnection(`${mongoServer}/bench_${runId}`, { maxPoolSize: 64 }).asPromise();
  return {
    kafka,
    admin,
    connection,
    runId,
    topic: await newTopic('events'),
    logger: pino({ level: 'warn' }),
    newTopic,
    dispose: async () => {
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

const shareViewed = (() => {
  const contract = EVENT_CONTRACTS.find((candidate) => candidate.type === 'share.viewed.v1');
  if (!contract) throw new Error('share.viewed.v1 is missing from the catalogue');
  return contract;
})();

/** A realistic integration event (share.viewed.v1, ~450 bytes as an envelope), valid against its contract. */
export function benchEvent(sequence: number): DomainEvent {
  return { type: shareViewed.type, data: { ...shareViewed.example, referrerHost: `host-${sequence % 97}.example` } };
}

/** `count` bench events starting at `sequence`: what one append carries. */
export function benchEvents(sequence: number, count: number): DomainEvent[] {
  return Array.from({ length: count }, (_, i) => benchEvent(sequence + i));
}

export function benchMetadata(streamId: string): AppendMetadata {
  return {
    tenantId: 'bench-tenant',
    correlationId: uuidv7(),
    causationId: null,
    source: shareViewed.source,
    aggregateType: shareViewed.aggregateType,
    aggregateId: streamId,
  };
}

export const seconds = (startedAt: bigint) => Number(process.hrtime.bigint() - startedAt) / 1e9;

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
