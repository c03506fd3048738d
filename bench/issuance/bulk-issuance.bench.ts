import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { parseConfig } from '@credstream/config';
import { TOPICS } from '@credstream/contracts';
import { bootService } from '@credstream/testing';
import { IssuanceAppModule } from '../../apps/issuance/src/app/issuance-app.module';
import { issuanceConfigSchema } from '../../apps/issuance/src/config/issuance.config';
import { ISSUANCE_SERVICE } from '../../apps/issuance/src/service-description';
import type { Measurement } from '../lib/bench-report';

export interface BulkBenchOptions {
  rows: number;
  mongoUri: string;
  kafkaBrokers: string;
  batchSize: number;
  concurrency: number;
  schemaCheck: 'every' | 'first-of-batch';
}

const ADMIN_TOKEN = 'bench-platform-admin-token-000000';
const TOPIC = TOPICS.issuanceCredential;

/**
 * (b) A bulk job end to end against the local infrastructure (`tools/infra up`): the issuance service boots in
 * this process on a fresh database, a CSV of `rows` email recipients is uploaded, and the clock stops when every
 * credential.issued.v1 event is on Kafka (the topic's end offsets moved by `rows`).
 */
export async function runBulkIssuanceBench(options: BulkBenchOptions): Promise<{
  measurements: Measurement[];
  parameters: Record<string, unknown>;
}> {
  const env = {
    MONGODB_URI: options.mongoUri,
    KAFKA_BROKERS: options.kafkaBrokers,
    PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
    BULK_MAX_ROWS: String(Math.max(options.rows, 100_000)),
    BULK_BATCH_SIZE: String(options.batchSize),
    BULK_CONCURRENCY: String(options.concurrency),
    CREDENTIAL_SCHEMA_CHECK: options.schemaCheck,
    LOG_LEVEL: 'warn',
  };
  const service = await bootService(ISSUANCE_SERVICE, (logger) =>
    IssuanceAppModule.register(parseConfig(issuanceConfigSchema, env), logger),
  );
  const kafka = new Kafka({ brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: TOPIC }], waitForLeaders: true });
    const post = async (path: string, body: unknown, authorization: string) => {
      const response = await fetch(`${service.url}${path}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const tenantId = `bench-${Date.now()}`;
    const tenant = await post(
      '/admin/tenants',
      {
        tenantId,
        name: 'Bench University',
        country: 'PT',
        initialApiKey: { name: 'bench', scopes: ['admin', 'issue'] },
      },
      `Bearer ${ADMIN_TOKEN}`,
    );
    const auth = `Bearer ${tenant['apiKey']['key']}`;
    const issuer = await post('/issuers', { name: 'Bench University', url: 'https://bench.example' }, auth);
    const achievement = await post(
      '/achievements',
      {
        issuerId: issuer['issuerId'],
        name: 'Data Engineering Fundamentals',
        description: 'Designs and operates batch and streaming data pipelines.',
        criteria: { narrative: 'Completed the course and passed the final project.' },
        achievementType: 'Certificate',
        alignments: [
          {
            targetName: 'manage data pipelines',
            targetUrl: 'http://data.europa.eu/esco/skill/1',
            targetFramework: 'ESCO',
          },
        ],
      },
      auth,
    );
    const csv = [
      'email,name',
      ...Array.from({ length: options.rows }, (_, i) => `learner${i}.${tenantId}@example.org,Learner ${i}`),
    ].join('\n');

    const endOffset = async () =>
      (await admin.fetchTopicOffsets(TOPIC)).reduce((sum, partition) => sum + Number(partition.high), 0);
    const before = await endOffset();
    const started = performance.now();
    const upload = await fetch(`${service.url}/bulk-issuance-jobs?achievementId=${achievement['achievementId']}`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'text/csv' },
      body: csv,
    });
    if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const { jobId } = (await upload.json()) as { jobId: string };
    let job: Record<string, unknown> = {};
    let allIssuedMs = 0;
    let published = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (!allIssuedMs) {
        job = (await (
          await fetch(`${service.url}/bulk-issuance-jobs/${jobId}`, { headers: { authorization: auth } })
        ).json()) as Record<string, unknown>;
        if (job['status'] !== 'running') allIssuedMs = performance.now() - started;
        if (job['status'] === 'failed') throw new Error(`job failed: ${String(job['failure'])}`);
      }
      published = (await endOffset()) - before;
      if (allIssuedMs && published >= Number(job['issued'])) break;
      if (performance.now() - started > 30 * 60_000) throw new Error('gave up after 30 minutes');
    }
    const endToEndMs = performance.now() - started;
    const issued = Number(job['issued']);
    return {
      parameters: { ...options, mongoUri: undefined, issued, failed: job['failed'] },
      measurements: [
        {
          metric: 'bulk job: upload → all issued',
          value: (issued / allIssuedMs) * 1000,
          unit: 'credentials/s',
          note: `${issued.toLocaleString('en-US')} credentials in ${(allIssuedMs / 1000).toFixed(1)} s`,
        },
        {
          metric: 'bulk job end to end: upload → all events on Kafka',
          value: (issued / endToEndMs) * 1000,
          unit: 'credentials/s',
          target: { op: '>=', value: 3_000 },
          note: `${published.toLocaleString('en-US')} credential.issued.v1 on ${TOPIC} after ${(endToEndMs / 1000).toFixed(1)} s`,
        },
      ],
    };
  } finally {
    await admin.disconnect();
    await service.close();
    const connection = await mongoose.createConnection(options.mongoUri).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
}
