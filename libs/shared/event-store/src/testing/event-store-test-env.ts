import { EVENT_CONTRACTS, EventEnvelope, RawHeaders, headerText } from '@credstream/contracts';
import type { DomainEvent } from '@credstream/event-sourcing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createPrivateInfra, PrivateInfra } from '@credstream/testing';
import mongoose, { Connection } from 'mongoose';
import pino from 'pino';
import type { AppendMetadata } from '../store/append-metadata';

/** Helpers for this library's integration tests against the servers started by `tools/infra up`. */

export const KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const serverOf = (uri: string) => uri.replace(/\/[^/]*$/, '');
let mongoServer = serverOf(process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/credstream');

/**
 * Runs this test file against its own FerretDB (tools/infra on free ports, started before the file's tests and
 * removed after them), so the timing-sensitive relay tests do not share a server with other suites.
 */
export function usePrivateMongo(): void {
  let infra: PrivateInfra | undefined;
  beforeAll(async () => {
    infra = await createPrivateInfra('mongo');
    await infra.start();
    mongoServer = serverOf(infra.serviceEnv['MONGODB_URI'] ?? mongoServer);
  }, 120_000);
  afterAll(async () => {
    await infra?.dispose();
  }, 60_000);
}
const REPLICATION_FACTOR = Number(process.env['KAFKA_REPLICATION_FACTOR'] ?? 1);

export const silentLogger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export interface TestDatabase {
  uri: string;
  connection: Connection;
  /** Drops the database and closes the connection. */
  dispose(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const uri = `${mongoServer}/${uniqueName('es')}`;
  const connection = mongoose.createConnection();
  connection.set('bufferCommands', false);
  await connection.openUri(uri, { serverSelectionTimeoutMS: 5_000 });
  return {
    uri,
    connection,
    dispose: async () => {
      await connection.db?.dropDatabase();
      await connection.close(true);
    },
  };
}

export function testKafka(): Kafka {
  return new Kafka({ clientId: uniqueName('es-test'), brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

export interface TestTopics {
  names: string[];
  dispose(): Promise<void>;
}

export async function createTestTopics(kafka: Kafka, count: number): Promise<TestTopics> {
  const names = Array.from({ length: count }, () => uniqueName('es-test'));
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: names.map((topic) => ({ topic, numPartitions: 3, replicationFactor: REPLICATION_FACTOR })),
    waitForLeaders: true,
  });
  return {
    names,
    dispose: async () => {
      await admin.deleteTopics({ topics: names }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  key: string;
  envelope: EventEnvelope;
  headers: Record<string, string | undefined>;
}

/** Everything in the topics right now: reads from the beginning up to each partition's high watermark. */
export async function readAll(kafka: Kafka, topics: readonly string[], timeoutMs = 30_000): Promise<ReceivedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  let expected = 0;
  try {
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) expected += Number(partition.high);
    }
  } finally {
    await admin.disconnect();
  }
  if (expected === 0) return [];
  const received: ReceivedMessage[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('es-test-reader') });
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    let done: () => void = () => undefined;
    const complete = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers = message.headers as RawHeaders;
        received.push({
          topic,
          partition,
          key: message.key?.toString() ?? '',
          envelope: JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope,
          headers: Object.fromEntries(Object.keys(headers).map((name) => [name, headerText(headers, name)])),
        });
        if (received.length >= expected) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`read ${received.length} of ${expected} messages`)), timeoutMs);
    });
    await Promise.race([complete, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return received;
}

export interface DeliveryReport {
  /** Ids of appended integration events that never reached Kafka. */
  missing: string[];
  duplicates: number;
  /** Per key: a first delivery that was not the next version (a gap or a reordering). */
  orderViolations: string[];
  /** Messages that were never appended (e.g. internal events that leaked). */
  unexpected: string[];
}

/**
 * Checks at-least-once delivery in aggregate order. A re-send after a crash may repeat versions already
 * delivered, but every first delivery of a key must be exactly the next version after the highest seen.
 */
export function checkDelivery(
  appended: readonly EventEnvelope[],
  received: readonly ReceivedMessage[],
): DeliveryReport {
  const appendedIds = new Set(appended.map((event) => event.id));
  const seen = new Set<string>();
  const highest = new Map<string, number>();
  const report: DeliveryReport = { missing: [], duplicates: 0, orderViolations: [], unexpected: [] };
  for (const { key, envelope } of received) {
    if (!appendedIds.has(envelope.id)) report.unexpected.push(`${envelope.type} ${envelope.id}`);
    if (seen.has(envelope.id)) {
      report.duplicates += 1;
      continue;
    }
    seen.add(envelope.id);
    const previous = highest.get(key) ?? 0;
    if (envelope.aggregateVersion !== previous + 1) {
      report.orderViolations.push(`${key}: v${envelope.aggregateVersion} after v${previous}`);
    }
    highest.set(key, Math.max(previous, envelope.aggregateVersion));
  }
  report.missing = appended.filter((event) => !seen.has(event.id)).map((event) => event.id);
  return report;
}

const TENANT_CONTRACTS = EVENT_CONTRACTS.filter(
  (contract) => contract.aggregateType === 'tenant' && contract.source === 'issuance',
);

/** Valid integration events (the catalogue's examples of tenant events), cycling through their types. */
export function tenantEvents(count: number, offset = 0): DomainEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const contract = TENANT_CONTRACTS[(offset + index) % TENANT_CONTRACTS.length];
    if (!contract) throw new Error('the catalogue has no issuance tenant events');
    return { type: contract.type, data: contract.example };
  });
}

export function tenantMetadata(overrides: Partial<AppendMetadata> = {}): AppendMetadata {
  return {
    tenantId: 'uni-lisbon',
    correlationId: randomUUID(),
    causationId: null,
    source: 'issuance',
    aggregateType: 'tenant',
    ...overrides,
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
