/**
 * npm run bench:backbone — the event backbone on the local infrastructure (tools/infra up):
 * MongoDB append rate, relay → Kafka rate, consumer rate, end-to-end throughput, and latency
 * from append to handled at 1,000 events/s. Kafka ceilings (raw kafkajs) are measured in the same run.
 */
import { toKafkaMessage } from '@credstream/contracts';
import { MongoEventStore } from '@credstream/event-store';
import { Measurement, report } from '../lib/bench-report';
import { benchEvent, createBenchEnv } from './bench-env';
import { measureConsumerRate } from './consumer-rate';
import { measureEndToEndThroughput, measureLatencyAtRate } from './end-to-end';
import { measureKafkaCeilings } from './kafka-ceiling';
import { measureAppendRate, measureRelayRate } from './store-and-relay';

const PARAMETERS = {
  appendStreams: 500,
  appendEventsPerStream: 10,
  appendConcurrency: 32,
  relayBatchCommits: 10_000,
  ceilingMessages: 50_000,
  endToEndStreams: 500,
  endToEndEventsPerStream: 10,
  latencyRatePerSecond: 1_000,
  latencySeconds: 10,
};

async function main(): Promise<void> {
  const env = await createBenchEnv();
  try {
    const sample = toKafkaMessage({
      id: '01932c8e-7a3b-7cde-8f01-23456789abcd',
      type: 'share.viewed.v1',
      source: 'sharing',
      aggregateType: 'share',
      aggregateId: 'stream-1',
      aggregateVersion: 1,
      tenantId: 'bench-tenant',
      occurredAt: new Date().toISOString(),
      correlationId: 'c',
      causationId: null,
      data: benchEvent(1).data,
    });
    log('kafka ceilings');
    const ceilings = await measureKafkaCeilings(env, sample.value, PARAMETERS.ceilingMessages);

    log('append rate');
    const store = new MongoEventStore({ connection: env.connection, collectionPrefix: 'append_' });
    await store.init();
    const appended = PARAMETERS.appendStreams * PARAMETERS.appendEventsPerStream;
    const appendRate = await measureAppendRate(
      store,
      PARAMETERS.appendStreams,
      PARAMETERS.appendEventsPerStream,
      PARAMETERS.appendConcurrency,
    );

    log('relay rate');
    const relayRate = await measureRelayRate(env, store, env.topic, appended, PARAMETERS.relayBatchCommits);

    log('consumer rate');
    const consumerRate = await measureConsumerRate(env, env.topic, appended);

    log('end-to-end throughput');
    const endToEndRate = await measureEndToEndThroughput(
      env,
      PARAMETERS.endToEndStreams,
      PARAMETERS.endToEndEventsPerStream,
      PARAMETERS.appendConcurrency,
    );

    log(`latency at ${PARAMETERS.latencyRatePerSecond}/s`);
    const latency = await measureLatencyAtRate(env, PARAMETERS.latencyRatePerSecond, PARAMETERS.latencySeconds);

    const measurements: Measurement[] = [
      { metric: 'kafka produce ceiling (raw kafkajs, acks=all)', value: ceilings.produceRate, unit: 'events/s' },
      { metric: 'kafka consume ceiling (raw kafkajs eachBatch)', value: ceilings.consumeRate, unit: 'events/s' },
      { metric: 'event store append (1 event/append)', value: appendRate, unit: 'events/s' },
      {
        metric: 'relay → kafka',
        value: relayRate,
        unit: 'events/s',
        target: { op: '>=', value: 20_000 },
        ceiling: { metric: 'produce ceiling', value: ceilings.produceRate },
      },
      {
        metric: 'consumer (validate + handle)',
        value: consumerRate,
        unit: 'events/s',
        target: { op: '>=', value: 20_000 },
        ceiling: { metric: 'consume ceiling', value: ceilings.consumeRate },
      },
      {
        metric: 'end to end incl. MongoDB append',
        value: endToEndRate,
        unit: 'events/s',
        target: { op: '>=', value: 5_000 },
        ceiling: { metric: 'append rate', value: appendRate },
      },
      { metric: `paced append rate achieved`, value: latency.achievedRate, unit: 'events/s' },
      { metric: 'append → handled p50', value: latency.p50, unit: 'ms' },
      { metric: 'append → handled p95', value: latency.p95, unit: 'ms', target: { op: '<', value: 250 } },
      { metric: 'append → handled p99', value: latency.p99, unit: 'ms' },
    ];
    report('backbone', measurements, PARAMETERS);
  } finally {
    await env.dispose();
  }
}

function log(phase: string): void {
  process.stderr.write(`bench:backbone: ${phase}…\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:backbone failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
