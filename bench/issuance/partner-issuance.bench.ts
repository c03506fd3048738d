import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { TOPICS, toKafkaMessage, type EventEnvelope } from '@credstream/contracts';
import type { Measurement } from '../lib/bench-report';
import { bootBenchIssuance, createBenchTenant, postJson } from './bench-tenant';

export interface PartnerBenchOptions {
  completions: number;
  mongoUri: string;
  kafkaBrokers: string;
}

const ISSUED_TOPIC = TOPICS.issuanceCredential;
/** Courses with a rule each, like the demo's 20 achievements: a batch of completions spans many rules. */
const COURSES = Array.from({ length: 20 }, (_, i) => `BENCH-DATA-${101 + i}`);

/**
 * (c) Partner-triggered issuance end to end against the local infrastructure: the issuance service (with its
 * Kafka consumers) boots in this process on a fresh database with 20 rules "course BENCH-DATA-1xx, score ≥ 70 →
 * achievement"; `completions` passing learning.completed.v1 events (courses round robin) are produced to
 * partner.learning.v1 at once,
 * and the clock stops when every credential.issued.v1 is on Kafka (it is appended only after the credential is
 * stored, and the completion's offset is committed only after that).
 */
export async function runPartnerIssuanceBench(options: PartnerBenchOptions): Promise<{
  measurements: Measurement[];
  parameters: Record<string, unknown>;
}> {
  const groupId = `issuance-bench-${Date.now()}`;
  const service = await bootBenchIssuance(options, {}, { consumers: { groupId, fromBeginning: false } });
  const kafka = new Kafka({ brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    await admin.createTopics({ topics: [{ topic: ISSUED_TOPIC }], waitForLeaders: true });
    const tenant = await createBenchTenant(service);
    for (const course of COURSES) {
      await postJson(
        service,
        '/issuance-rules',
        { partnerCourseId: course, minimumScore: 70, achievementId: tenant.achievementId },
        tenant.authorization,
      );
    }
    // Let the freshly started consumer group settle its assignment before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const events = Array.from({ length: options.completions }, (_, i) => completion(tenant.tenantId, i));
    const endOffset = async () =>
      (await admin.fetchTopicOffsets(ISSUED_TOPIC)).reduce((sum, partition) => sum + Number(partition.high), 0);
    const before = await endOffset();
    const started = performance.now();
    for (let start = 0; start < events.length; start += 500) {
      await producer.send({
        topic: TOPICS.partnerLearning,
        acks: -1,
        messages: events.slice(start, start + 500).map(toKafkaMessage),
      });
    }
    const producedMs = performance.now() - started;
    let published = 0;
    while (published < options.completions) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      published = (await endOffset()) - before;
      if (performance.now() - started > 30 * 60_000) throw new Error(`gave up after 30 minutes (${published} issued)`);
    }
    const endToEndMs = performance.now() - started;
    return {
      parameters: {
        completions: options.completions,
        rules: COURSES.length,
        kafkaBrokers: options.kafkaBrokers,
        published,
      },
      measurements: [
        {
          metric: 'partner completions → all credentials issued (on Kafka)',
          value: (published / endToEndMs) * 1000,
          unit: 'credentials/s',
          target: { op: '>=', value: 200 },
          note: `${published.toLocaleString('en-US')} credentials in ${(endToEndMs / 1000).toFixed(1)} s (produced in ${(producedMs / 1000).toFixed(1)} s)`,
        },
      ],
    };
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await service.close();
    const connection = await mongoose.createConnection(options.mongoUri).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
}

function completion(tenantId: string, index: number): EventEnvelope {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    type: 'learning.completed.v1',
    source: 'partner:bench-lms',
    aggregateType: 'learner',
    aggregateId: `learner-${index}`,
    aggregateVersion: 1,
    tenantId,
    occurredAt: now,
    correlationId: randomUUID(),
    causationId: null,
    data: {
      learner: {
        email: `learner${index}.${tenantId}@example.org`,
        externalId: `lms-${index}`,
        name: `Learner ${index}`,
      },
      course: { id: COURSES[index % COURSES.length], kind: 'course', name: 'Data Engineering Fundamentals' },
      completedAt: now,
      grade: String(70 + (index % 30)),
    },
  };
}
