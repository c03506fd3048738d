/**
 * npm run bench:analytics — on private Kafka and ClickHouse instances:
 *  (a) ingest rate Kafka → ClickHouse through the projection, as a ratio to a raw insert of the same rows into the
 *      same table (same batch size, same materialized views) measured in the same run;
 *  (b) p95 latency of every insight endpoint of one tenant with `latencyEvents` generated events in ClickHouse,
 *      with filters never asked before (the answer cache misses: what ClickHouse itself takes; the figure against
 *      the target), and again with the same filters (as dashboards do; answered from memory, an extra line);
 *  (c) freshness: p95 from publishing an event to seeing it in the API.
 */
import { createClient, ClickHouseClient } from '@clickhouse/client';
import { cpus, loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { register } from 'prom-client';
import { toKafkaMessage, topicOf, TOPICS } from '@credstream/contracts';
import { parseConfig } from '@credstream/config';
import { ConsumerMetrics } from '@credstream/messaging';
import { toAnalyticsRow } from '@credstream/analytics/domain';
import {
  AnalyticsProjectionConsumer,
  ClickHouseEventWriter,
  ClickHouseMigrator,
  ProjectionMetrics,
} from '@credstream/analytics/infrastructure';
import { bootService, createPrivateInfra, PrivateInfra } from '@credstream/testing';
import { AnalyticsAppModule } from '../../apps/analytics/src/app/analytics-app.module';
import { analyticsConfigSchema } from '../../apps/analytics/src/config/analytics.config';
import { ANALYTICS_SERVICE } from '../../apps/analytics/src/service-description';
import { envelope, publish, sha256 } from '../../apps/analytics/src/testing/analytics-scenario';
import { generateApiKey } from '@credstream/access';
import { Measurement, percentile, report } from '../lib/bench-report';
import { dimensionEventsSql, generateEventsSql, ingestEvents } from './generate-events';

const PARAMETERS = {
  ingestEvents: Number(process.env['BENCH_INGEST_EVENTS'] ?? 200_000),
  batchRows: 5_000,
  latencyEvents: Number(process.env['BENCH_LATENCY_EVENTS'] ?? 10_000_000),
  latencyTenants: 20,
  requestsPerEndpoint: Number(process.env['BENCH_REQUESTS'] ?? 20),
  coldRequestsPerEndpoint: Math.min(28, Number(process.env['BENCH_REQUESTS'] ?? 20)),
  freshnessSamples: 30,
  /** `ingest` or `latency` measures only that part (quicker iterations); default both. */
  only: process.env['BENCH_ONLY'] ?? 'all',
};
/** A partial run (BENCH_ONLY) writes its own file, so bench/results/analytics.json always holds a full run. */
const AREA = PARAMETERS.only === 'all' ? 'analytics' : `analytics-${PARAMETERS.only}`;
const INSIGHTS = ['impact', 'funnel', 'reach', 'verifications', 'employability', 'mobility', 'skills', 'roi'];
const log = (message: string) => process.stdout.write(`[bench:analytics] ${message}\n`);
const silent = pino({ level: 'silent' });

async function database(url: string, name: string): Promise<ClickHouseClient> {
  const admin = createClient({ url, username: 'credstream', password: 'credstream' });
  await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${name}` });
  await admin.close();
  const client = createClient({
    url,
    username: 'credstream',
    password: 'credstream',
    database: name,
    request_timeout: 600_000,
  });
  await new ClickHouseMigrator(client).migrate();
  return client;
}

async function runningMerges(client: ClickHouseClient): Promise<number> {
  const result = await client.query({ query: 'SELECT count() AS n FROM system.merges', format: 'JSONEachRow' });
  return Number((await result.json<{ n: string }>())[0]?.n ?? 0);
}

/**
 * Publishes the ingest events to Kafka (not timed). Returns the event count only: the events are garbage once this
 * returns, so the projection measured next does not run beside a heap of bench data the service would never hold
 * (its GC would bill the projection).
 */
async function publishIngestEvents(kafka: Kafka): Promise<number> {
  const events = ingestEvents(PARAMETERS.ingestEvents);
  log(`publishing ${events.length} events to Kafka (not timed)`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: Object.values(TOPICS).map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < events.length; i += 2_000) {
    const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
    for (const event of events.slice(i, i + 2_000)) {
      const topic = topicOf(event.type) as string;
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), toKafkaMessage(event)]);
    }
    await producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      acks: -1,
    });
  }
  await producer.disconnect();
  return events.length;
}

/**
 * The ceiling: the rows of the same events (generated again, not timed; only their timestamp differs) into a fresh
 * database's tables, in the projection's batch size, from a quiet server. They are garbage once this returns.
 */
async function insertRaw(url: string, name: string): Promise<number> {
  const rows = ingestEvents(PARAMETERS.ingestEvents).map(
    (event, index) => toAnalyticsRow(event, { topic: 't', partition: 0, offset: String(index) }, sha256).row,
  );
  const raw = await database(url, name);
  await untilMergesSettle(raw);
  const writer = new ClickHouseEventWriter(raw);
  const rawStart = performance.now();
  for (let i = 0; i < rows.length; i += PARAMETERS.batchRows)
    await writer.insert(rows.slice(i, i + PARAMETERS.batchRows));
  const rawRate = rows.length / ((performance.now() - rawStart) / 1000);
  log(`  raw insert (${name}): ${Math.round(rawRate)} rows/s`);
  await raw.close();
  return rawRate;
}

/** Waits (at most a minute) until ClickHouse runs no background merge, so a timed phase does not pay for the last. */
async function untilMergesSettle(client: ClickHouseClient): Promise<void> {
  for (let waited = 0; waited < 60_000 && (await runningMerges(client)) > 0; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measureIngest(kafkaInfra: PrivateInfra, url: string): Promise<Measurement[]> {
  const brokers = [kafkaInfra.serviceEnv['KAFKA_BROKERS'] as string];
  const kafka = new Kafka({ clientId: 'bench-analytics', brokers, logLevel: logLevel.NOTHING });
  const count = await publishIngestEvents(kafka);
  // The ceiling is inserted before and after the projection and averaged: one insert alone varied from ~40k to
  // ~67k rows/s between runs on this machine, and with it the ratio.
  log('raw insert of the same rows (ceiling, first of two)');
  const rawBefore = await insertRaw(url, 'bench_raw');

  log('projection Kafka → ClickHouse');
  const target = await database(url, 'bench_kafka');
  await untilMergesSettle(target);
  const dlqProducer = kafka.producer();
  await dlqProducer.connect();
  const consumer = new AnalyticsProjectionConsumer({
    kafka,
    producer: dlqProducer,
    groupId: 'bench-analytics',
    topics: Object.values(TOPICS),
    writer: new ClickHouseEventWriter(target),
    logger: silent,
    consumerMetrics: new ConsumerMetrics('bench-analytics', register),
    projectionMetrics: new ProjectionMetrics(register),
    maxBatchRows: PARAMETERS.batchRows,
    maxBatchWaitMs: 500,
  });
  const start = performance.now();
  await consumer.start();
  // After start: from source, the decoding thread's start compiles its TypeScript (a built service loads JS).
  const cpuAtStart = process.cpuUsage();
  const stored = async () =>
    Number(
      (
        await (
          await target.query({ query: 'SELECT uniqExact(event_id) AS n FROM events', format: 'JSONEachRow' })
        ).json<{ n: string }>()
      )[0]?.n,
    );
  let lastLog = start;
  // Done when every event is in ClickHouse and its offset committed (redelivery after a rebalance may commit twice).
  while (consumer.committedMessages < count || (await stored()) < count) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (performance.now() - lastLog > 2_000) {
      lastLog = performance.now();
      log(`  ${consumer.committedMessages} committed after ${((lastLog - start) / 1000).toFixed(1)} s`);
    }
  }
  const joinedAt = consumer.firstBatchAt ?? start;
  const projectionRate = count / ((performance.now() - joinedAt) / 1000);
  const cpu = process.cpuUsage(cpuAtStart);
  const nodeMicrosPerEvent = (cpu.user + cpu.system) / count;
  log(
    `  projection: ${Math.round(projectionRate)} rows/s (group joined after ${((joinedAt - start) / 1000).toFixed(1)} s; Node CPU ${nodeMicrosPerEvent.toFixed(0)} µs/event)`,
  );
  await consumer.stop();
  await dlqProducer.disconnect();
  await target.close();
  log('raw insert of the same rows (ceiling, second of two)');
  const rawAfter = await insertRaw(url, 'bench_raw_after');
  const rawRate = (rawBefore + rawAfter) / 2;
  return [
    {
      metric: 'raw insert into events (same rows, same batches)',
      value: rawRate,
      unit: 'rows/s',
      note: `mean of one insert before the projection (${Math.round(rawBefore)}/s) and one after (${Math.round(rawAfter)}/s), each into fresh tables once ClickHouse ran no merge`,
    },
    {
      metric: 'ingest Kafka → ClickHouse (projection)',
      value: projectionRate,
      unit: 'rows/s',
      ceiling: { metric: 'raw insert', value: rawRate },
      note: 'from the first fetched batch to the last event stored and committed (group join excluded)',
    },
    {
      metric: 'projection CPU in Node per event (kafkajs, decoding, validation, rows, spans, GC; both threads)',
      value: nodeMicrosPerEvent,
      unit: 'µs',
      note: 'process CPU of the bench (which runs the projection: main and decoding thread) from the started consumer to the last commit, per event',
    },
    {
      metric: 'ingest as a share of the raw insert',
      value: (projectionRate / rawRate) * 100,
      unit: '%',
      target: { op: '>=', value: 60 },
    },
  ];
}

async function main(): Promise<void> {
  const [kafkaInfra, clickhouseInfra] = await Promise.all([
    createPrivateInfra('kafka'),
    createPrivateInfra('clickhouse'),
  ]);
  await Promise.all([kafkaInfra.start(), clickhouseInfra.start()]);
  const url = clickhouseInfra.serviceEnv['CLICKHOUSE_URL'] as string;
  const measurements: Measurement[] = [];
  try {
    if (PARAMETERS.only !== 'latency') measurements.push(...(await measureIngest(kafkaInfra, url)));
    if (PARAMETERS.only === 'ingest') return report(AREA, measurements, PARAMETERS);

    log(`generating ${PARAMETERS.latencyEvents.toLocaleString('en-US')} events in ClickHouse`);
    const main = await database(url, 'credstream');
    await main.command({ query: dimensionEventsSql(PARAMETERS.latencyTenants) });
    for (let done = 0; done < PARAMETERS.latencyEvents; done += 2_000_000) {
      const rows = Math.min(2_000_000, PARAMETERS.latencyEvents - done);
      await main.command({ query: generateEventsSql(PARAMETERS.latencyEvents, PARAMETERS.latencyTenants, done, rows) });
    }
    await main.command({ query: 'OPTIMIZE TABLE credential_facts' }).catch(() => undefined);
    // Latency at steady state: the background merges of the 10 million rows just inserted would otherwise take
    // CPU from the queries measured (at most two minutes of waiting).
    for (let waited = 0; waited < 120_000 && (await runningMerges(main)) > 0; waited += 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    const env: Record<string, string> = {
      ...kafkaInfra.serviceEnv,
      ...clickhouseInfra.serviceEnv,
      ANALYTICS_BATCH_MAX_WAIT_MS: '200',
    };
    const service = await bootService(ANALYTICS_SERVICE, () =>
      AnalyticsAppModule.register(parseConfig(analyticsConfigSchema, env), silent),
    );
    const kafka = new Kafka({
      clientId: 'bench-fresh',
      brokers: [env['KAFKA_BROKERS'] as string],
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const key = generateApiKey();
    const benchTenant = 'bench-0';
    const freshTenant = 'bench-fresh';
    const freshKey = generateApiKey();
    await publish(producer, [
      envelope(
        'api-key.created.v1',
        benchTenant,
        benchTenant,
        { keyId: key.keyId, name: 'bench', prefix: key.prefix, hash: key.hash, scopes: ['analytics-read'] },
        new Date().toISOString(),
      ),
      envelope(
        'api-key.created.v1',
        freshTenant,
        freshTenant,
        {
          keyId: freshKey.keyId,
          name: 'bench',
          prefix: freshKey.prefix,
          hash: freshKey.hash,
          scopes: ['analytics-read'],
        },
        new Date().toISOString(),
      ),
    ]);
    const call = async (insight: string, token: string, query: string) => {
      const response = await fetch(`${service.url}/v1/insights/${insight}?${query}`, {
        headers: { 'X-API-Key': token },
      });
      const body = (await response.json()) as { tables?: Record<string, Record<string, number>[]> };
      return { status: response.status, body };
    };
    log('waiting for the service to catch up with Kafka');
    for (;;) {
      const statuses = await Promise.all(
        [key, freshKey].map(async (k) => (await call('impact', k.token, 'from=2026-01-01&to=2026-12-31')).status),
      );
      if (statuses.every((status) => status === 200)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // The service also reads the ingest measurement's events from Kafka: measure latency once it has caught up.
    const ingestTenantsStored = async () =>
      Number(
        (
          await (
            await main.query({
              query: "SELECT uniqExact(event_id) AS n FROM events WHERE tenant_id LIKE 'ingest-%'",
              format: 'JSONEachRow',
            })
          ).json<{ n: string }>()
        )[0]?.n,
      );
    while (PARAMETERS.only === 'all' && (await ingestTenantsStored()) < PARAMETERS.ingestEvents) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    // And once ClickHouse has merged what that catch-up inserted, as after generating the 10 million events.
    await untilMergesSettle(main);
    const range = 'from=2026-01-01&to=2026-12-31';
    const [tenantRows] = await (
      await main.query({
        query: `SELECT uniqExact(event_id) AS n FROM events WHERE tenant_id = '${benchTenant}'`,
        format: 'JSONEachRow',
      })
    ).json<{ n: string }>();
    // The figure against the target: filters never asked before, so the answer cache cannot help and ClickHouse
    // computes every answer (a demanding user varies filters). Measured first, on a cache nobody has warmed.
    log(`cold latency: ${PARAMETERS.coldRequestsPerEndpoint} requests per insight, each with a different date range`);
    for (const insight of INSIGHTS) {
      const timings: number[] = [];
      let failures = 0;
      for (let i = 0; i < PARAMETERS.coldRequestsPerEndpoint; i += 1) {
        const day = String(30 - i).padStart(2, '0');
        const started = performance.now();
        const { status } = await call(insight, key.token, `from=2026-01-01&to=2026-12-${day}`);
        if (status !== 200) failures += 1;
        timings.push(performance.now() - started);
      }
      measurements.push({
        metric: `p95 GET /v1/insights/${insight}, cache missed (${(PARAMETERS.latencyEvents / 1e6).toFixed(0)}M events)`,
        value: percentile(timings, 95),
        unit: 'ms',
        target: { op: '<', value: 100 },
        note: `p50 ${percentile(timings, 50).toFixed(1)} ms; filters never asked before (${tenantRows?.n} events of the tenant), so ClickHouse computes every answer; machine load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores${failures > 0 ? `, ${failures} non-200 answers` : ''}`,
      });
    }
    log(`warm latency: ${PARAMETERS.requestsPerEndpoint} requests per insight, the same filters again`);
    for (const insight of INSIGHTS) {
      const timings: number[] = [];
      let failures = 0;
      for (let i = 0; i < PARAMETERS.requestsPerEndpoint + 3; i += 1) {
        const started = performance.now();
        const { status } = await call(insight, key.token, range);
        if (status !== 200) failures += 1;
        if (i >= 3) timings.push(performance.now() - started);
      }
      measurements.push({
        metric: `p95 GET /v1/insights/${insight}, warm (${(PARAMETERS.latencyEvents / 1e6).toFixed(0)}M events)`,
        value: percentile(timings, 95),
        unit: 'ms',
        note: `p50 ${percentile(timings, 50).toFixed(1)} ms, the same filters again (answered from memory while the tenant's data is unchanged)${failures > 0 ? `, ${failures} non-200 answers` : ''}`,
      });
    }

    log('freshness: publish → visible in GET /v1/insights/impact');
    const lags: number[] = [];
    for (let i = 1; i <= PARAMETERS.freshnessSamples; i += 1) {
      const credentialId = `01932c8e-0000-7000-9000-${i.toString(16).padStart(12, '0')}`;
      const published = performance.now();
      await publish(producer, [
        envelope(
          'credential.issued.v1',
          freshTenant,
          credentialId,
          {
            credentialId,
            issuerId: credentialId,
            issuerDid: 'did:web:fresh',
            achievementId: credentialId,
            achievementRevision: 1,
            recipient: { identityType: 'emailAddress', identityHash: 'sha256$00', recipientKey: sha256(String(i)) },
            validFrom: new Date().toISOString(),
            validUntil: null,
            jwt: 'x.y.z',
            trigger: { kind: 'api' },
          },
          new Date().toISOString(),
        ),
      ]);
      const today = new Date().toISOString().slice(0, 10);
      for (;;) {
        const { body } = await call('impact', freshKey.token, `from=${today}&to=${today}`);
        if ((body.tables?.['totals']?.[0]?.['issued'] ?? 0) >= i) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      lags.push(performance.now() - published);
    }
    measurements.push({
      metric: 'freshness p95 (publish → visible in the API)',
      value: percentile(lags, 95),
      unit: 'ms',
      target: { op: '<', value: 3000 },
      note: `p50 ${percentile(lags, 50).toFixed(0)} ms`,
    });
    await producer.disconnect();
    await service.close();
    await main.close();
  } finally {
    await Promise.all([kafkaInfra.dispose(), clickhouseInfra.dispose()]);
  }
  report(AREA, measurements, PARAMETERS);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
