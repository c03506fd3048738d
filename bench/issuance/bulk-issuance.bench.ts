import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { TOPICS } from '@credstream/contracts';
import { MongoEventStore } from '@credstream/event-store';
import type { Measurement } from '../lib/bench-report';
import { bootBenchIssuance, createBenchTenant } from './bench-tenant';
import { measureDocumentWriteFloor, type DocumentWriteFloor } from './document-write.floor';

export interface BulkBenchOptions {
  rows: number;
  mongoUri: string;
  kafkaBrokers: string;
  batchSize: number;
  concurrency: number;
  schemaCheck: 'every' | 'first-of-batch';
  /** Documents per kind for the database floor measured before the job. */
  floorDocuments: number;
}

const TOPIC = TOPICS.issuanceCredential;

/**
 * (b) A bulk job end to end against the local infrastructure (`tools/infra up`): the issuance service boots in
 * this process on a fresh database, a CSV of `rows` email recipients is uploaded, and the clock stops when every
 * credential.issued.v1 event is on Kafka (the topic's end offsets moved by `rows`). Before it, the database floor:
 * the two documents every bulk credential writes (read-model row, stream reservation), written through the real
 * adapters with nothing else running — the ceiling the end-to-end rate is reported against.
 */
export async function runBulkIssuanceBench(options: BulkBenchOptions): Promise<{
  measurements: Measurement[];
  parameters: Record<string, unknown>;
}> {
  const service = await bootBenchIssuance(options, {
    BULK_MAX_ROWS: String(Math.max(options.rows, 100_000)),
    BULK_BATCH_SIZE: String(options.batchSize),
    BULK_CONCURRENCY: String(options.concurrency),
    CREDENTIAL_SCHEMA_CHECK: options.schemaCheck,
  });
  const kafka = new Kafka({ brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let run:
    | { issued: number; failed: number; allIssuedMs: number; endToEndMs: number; published: number; sampleId?: string }
    | undefined;
  let floor: DocumentWriteFloor | undefined;
  let eventBytes = 0;
  try {
    await admin.createTopics({ topics: [{ topic: TOPIC }], waitForLeaders: true });
    const { tenantId, authorization: auth, achievementId } = await createBenchTenant(service);
    const csv = [
      'email,name',
      ...Array.from({ length: options.rows }, (_, i) => `learner${i}.${tenantId}@example.org,Learner ${i}`),
    ].join('\n');

    const endOffset = async () =>
      (await admin.fetchTopicOffsets(TOPIC)).reduce((sum, partition) => sum + Number(partition.high), 0);
    const before = await endOffset();
    const started = performance.now();
    const upload = await fetch(`${service.url}/bulk-issuance-jobs?achievementId=${achievementId}`, {
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
    const listed = await fetch(`${service.url}/credentials?limit=1`, { headers: { authorization: auth } });
    const sampleId = ((await listed.json()) as { items: { credentialId: string }[] }).items[0]?.credentialId;
    run = { issued, failed: Number(job['failed']), allIssuedMs, endToEndMs, published, sampleId };
  } finally {
    await admin.disconnect();
    await service.close();
    const connection = await mongoose.createConnection(options.mongoUri).asPromise();
    try {
      if (run?.sampleId) {
        const store = new MongoEventStore({ connection, collectionPrefix: 'issuance_' });
        eventBytes = JSON.stringify((await store.readStream(run.sampleId))[0]).length;
        floor = await measureDocumentWriteFloor(connection, options.floorDocuments, eventBytes);
      }
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  }
  if (!run || !floor) throw new Error('the bulk job issued nothing');
  const { issued, allIssuedMs, endToEndMs, published } = run;
  return {
    parameters: { ...options, mongoUri: undefined, issued, failed: run.failed, eventBytes },
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
        ceiling: { metric: 'database floor', value: floor.credentialsPerSecond },
        note: `${published.toLocaleString('en-US')} credential.issued.v1 on ${TOPIC} after ${(endToEndMs / 1000).toFixed(1)} s`,
      },
      {
        metric: 'database floor: read-model rows (insertMany 500)',
        value: floor.readModelRowsPerSecond,
        unit: 'documents/s',
        note: `${options.floorDocuments.toLocaleString('en-US')} rows through MongoCredentialReadModel.claim`,
      },
      {
        metric: 'database floor: new streams (appendToNewStreams 500)',
        value: floor.newStreamsPerSecond,
        unit: 'streams/s',
        note: `500 reservations + one batch commit of 500 × ${eventBytes.toLocaleString('en-US')}-byte events`,
      },
      {
        metric: 'database floor: the writes of one credential',
        value: floor.credentialsPerSecond,
        unit: 'credentials/s',
        note: 'read-model row + new stream, nothing signed, allocated, relayed or published',
      },
    ],
  };
}
