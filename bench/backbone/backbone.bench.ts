/**
 * npm run bench:backbone — the event backbone on the local infrastructure (tools/infra up):
 * event store append rates (one appender, concurrent appenders, multi-event appends, bulk new streams),
 * relay → Kafka rate, consumer rate, end-to-end throughput, and latency from append to handled at
 * 1,000 events/s. Kafka ceilings (raw kafkajs) are measured in the same run.
 */
import { toKafkaMessage } from '@credstream/contracts';
import { Measurement, report } from '../lib/bench-report';
import { benchEvent, createBenchEnv } from './bench-env';
import { measureConsumerRate } from './consumer-rate';
import { measureEndToEndThroughput, measureLatencyAtRate } from './end-to-end';
import { measureKafkaCeilings } from './kafka-ceiling';
import { measureMongoCeilings } from './mongo-ceiling';
import { appendLoad, measureRelayRate, newStore, newStreamsLoad } from './store-and-relay';

const PARAMETERS = {
  ceilingMessages: 50_000,
  mongoCeilingOperations: 2_000,
  singleAppends: 1_000,
  concurrentAppenders: 16,
  concurrentSingleEventAppends: 3_000,
  eventsPerAppend: 10,
  multiEventAppendEvents: 30_000,
  newStreamsCalls: 10,
  newStreamsPerCall: 500,
  endToEndEvents: 30_000,
  endToEndSingleEventEvents: 3_000,
  latencyRatePerSecond: 1_000,
  latencySeconds: 10,
  latencyEventsPerAppend: 10,
  latencyLargeEventsPerAppend: 50,
};

async function main(): Promise<void> {
  const env = await createBenchEnv();
  const p = PARAMETERS;
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
    const ceilings = await measureKafkaCeilings(env, sample.value, p.ceilingMessages);

    log('mongo ceilings');
    const mongo = await measureMongoCeilings(env, p.mongoCeilingOperations, p.concurrentAppenders);
    // One append = counter increment + insert (+ an equality read when the expected version is > 0).
    const appendFloor = 1 / (1 / mongo.insertRate + 1 / mongo.counterRate);

    log('append: one appender, 1 event per append');
    const single = await appendLoad(await newStore(env, 'single_'), {
      events: p.singleAppends,
      eventsPerAppend: 1,
      concurrency: 1,
    });
    log(`append: ${p.concurrentAppenders} appenders, 1 event per append`);
    const singleEventStore = await newStore(env, 'one_');
    const concurrentSingle = await appendLoad(singleEventStore, {
      events: p.concurrentSingleEventAppends,
      eventsPerAppend: 1,
      concurrency: p.concurrentAppenders,
    });
    log(`append: ${p.concurrentAppenders} appenders, ${p.eventsPerAppend} events per append`);
    const multiEventStore = await newStore(env, 'multi_');
    const concurrentMulti = await appendLoad(multiEventStore, {
      events: p.multiEventAppendEvents,
      eventsPerAppend: p.eventsPerAppend,
      concurrency: p.concurrentAppenders,
    });
    log(`appendToNewStreams: ${p.newStreamsCalls} × ${p.newStreamsPerCall} streams`);
    const newStreams = await newStreamsLoad(await newStore(env, 'new_'), p.newStreamsCalls, p.newStreamsPerCall);

    log('relay rate: backlog of 1-event commits');
    const relaySingle = await measureRelayRate(
      env,
      singleEventStore,
      await env.newTopic('relay-one'),
      p.concurrentSingleEventAppends,
    );
    log(`relay rate: backlog of ${p.eventsPerAppend}-event commits`);
    const relayMulti = await measureRelayRate(env, multiEventStore, env.topic, p.multiEventAppendEvents);

    log('consumer rate');
    const consumerRate = await measureConsumerRate(env, env.topic, p.multiEventAppendEvents);

    log(`end-to-end throughput, ${p.eventsPerAppend} events per append`);
    const endToEnd = await measureEndToEndThroughput(env, 'e2e_', {
      events: p.endToEndEvents,
      eventsPerAppend: p.eventsPerAppend,
      concurrency: p.concurrentAppenders,
    });
    log('end-to-end throughput, 1 event per append');
    const endToEndSingle = await measureEndToEndThroughput(env, 'e2eone_', {
      events: p.endToEndSingleEventEvents,
      eventsPerAppend: 1,
      concurrency: p.concurrentAppenders,
    });

    log(`latency at ${p.latencyRatePerSecond}/s`);
    const latency = await measureLatencyAtRate(env, p.latencyRatePerSecond, p.latencySeconds, p.latencyEventsPerAppend);
    log(`latency at ${p.latencyRatePerSecond}/s, ${p.latencyLargeEventsPerAppend} events per append`);
    const latencyLarge = await measureLatencyAtRate(
      env,
      p.latencyRatePerSecond,
      p.latencySeconds,
      p.latencyLargeEventsPerAppend,
      'latlarge_',
    );

    const events = (n: number) => `${n} event${n === 1 ? '' : 's'}/append`;
    const measurements: Measurement[] = [
      { metric: 'kafka produce ceiling (raw kafkajs, acks=all)', value: ceilings.produceRate, unit: 'events/s' },
      { metric: 'kafka consume ceiling (raw kafkajs eachBatch)', value: ceilings.consumeRate, unit: 'events/s' },
      { metric: 'mongo insertOne (commit document)', value: mongo.insertRate, unit: 'ops/s' },
      { metric: 'mongo findOneAndUpdate $inc (counter)', value: mongo.counterRate, unit: 'ops/s' },
      {
        metric: `mongo equality findOne, ${mongo.collectionSize} documents`,
        value: mongo.equalityReadRate,
        unit: 'ops/s',
      },
      { metric: `append, 1 appender, ${events(1)}`, value: single, unit: 'events/s' },
      {
        metric: `append, ${p.concurrentAppenders} appenders, ${events(1)}`,
        value: concurrentSingle,
        unit: 'events/s',
        ceiling: { metric: 'insert+counter', value: appendFloor },
      },
      {
        metric: `append, ${p.concurrentAppenders} appenders, ${events(p.eventsPerAppend)}`,
        value: concurrentMulti,
        unit: 'events/s',
        ceiling: { metric: 'insert+counter × events', value: appendFloor * p.eventsPerAppend },
      },
      {
        metric: `appendToNewStreams, ${p.newStreamsPerCall} streams/call`,
        value: newStreams,
        unit: 'streams/s',
        target: { op: '>=', value: 3_000 },
      },
      {
        metric: 'relay → kafka, 1-event commits',
        value: relaySingle,
        unit: 'events/s',
        ceiling: { metric: 'produce ceiling', value: ceilings.produceRate },
      },
      {
        metric: `relay → kafka, ${p.eventsPerAppend}-event commits`,
        value: relayMulti,
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
        metric: `end to end incl. MongoDB append, ${events(p.eventsPerAppend)}`,
        value: endToEnd,
        unit: 'events/s',
        target: { op: '>=', value: 5_000 },
        ceiling: { metric: 'append rate', value: concurrentMulti },
      },
      {
        metric: `end to end incl. MongoDB append, ${events(1)}`,
        value: endToEndSingle,
        unit: 'events/s',
        ceiling: { metric: 'append rate', value: concurrentSingle },
      },
      {
        metric: `paced append rate achieved (${events(p.latencyEventsPerAppend)})`,
        value: latency.achievedRate,
        unit: 'events/s',
      },
      { metric: `append → handled p50 (${events(p.latencyEventsPerAppend)})`, value: latency.p50, unit: 'ms' },
      {
        metric: `append → handled p95 (${events(p.latencyEventsPerAppend)})`,
        value: latency.p95,
        unit: 'ms',
        target: { op: '<', value: 250 },
      },
      { metric: `append → handled p99 (${events(p.latencyEventsPerAppend)})`, value: latency.p99, unit: 'ms' },
      {
        metric: `paced append rate achieved (${events(p.latencyLargeEventsPerAppend)})`,
        value: latencyLarge.achievedRate,
        unit: 'events/s',
      },
      {
        metric: `append → handled p50 (${events(p.latencyLargeEventsPerAppend)})`,
        value: latencyLarge.p50,
        unit: 'ms',
      },
      {
        metric: `append → handled p95 (${events(p.latencyLargeEventsPerAppend)})`,
        value: latencyLarge.p95,
        unit: 'ms',
        target: { op: '<', value: 250 },
      },
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
