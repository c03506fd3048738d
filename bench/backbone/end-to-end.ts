import { MongoEventStore } from '@credstream/event-store';
import { percentile } from '../lib/bench-report';
import type { BenchEnv } from './bench-env';
import { benchEvent, benchMetadata, inParallel, seconds } from './bench-env';
import { startConsumer } from './consumer-rate';
import { createRelay } from './store-and-relay';

async function pipeline(env: BenchEnv, prefix: string, groupSuffix: string, batchSize: number) {
  const store = new MongoEventStore({ connection: env.connection, collectionPrefix: prefix });
  await store.init();
  const topic = await env.newTopic(groupSuffix);
  const relay = createRelay(env, store, topic, batchSize);
  const latencies: number[] = [];
  let handled = 0;
  const consumer = await startConsumer(env, topic, `bench-${groupSuffix}-${env.runId}`, (event) => {
    latencies.push(event.handledAt - Date.parse(event.occurredAt));
    handled++;
  });
  await relay.start();
  const waitFor = async (count: number) => {
    while (handled < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const stop = async () => {
    await relay.stop();
    await consumer.stop();
  };
  return { store, latencies, waitFor, stop };
}

/** Appends as fast as the store allows while relay and consumer run; events/s from first append to last handled. */
export async function measureEndToEndThroughput(
  env: BenchEnv,
  streams: number,
  eventsPerStream: number,
  concurrency: number,
) {
  const run = await pipeline(env, 'e2e_', 'e2e', 5_000);
  const total = streams * eventsPerStream;
  const started = process.hrtime.bigint();
  await inParallel(streams, concurrency, async (s) => {
    const streamId = `e2e-${s}`;
    for (let version = 0; version < eventsPerStream; version++) {
      await run.store.append(streamId, version, [benchEvent(version)], benchMetadata(streamId));
    }
  });
  await run.waitFor(total);
  const rate = total / seconds(started);
  await run.stop();
  return rate;
}

/** Appends at a steady `ratePerSecond` for `durationSeconds`; latency = handled time - occurredAt (the append). */
export async function measureLatencyAtRate(env: BenchEnv, ratePerSecond: number, durationSeconds: number) {
  const run = await pipeline(env, 'lat_', 'latency', 5_000);
  const total = ratePerSecond * durationSeconds;
  const streams = 500;
  const versions = new Array<number>(streams).fill(0);
  const started = Date.now();
  const appends: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const s = i % streams;
    const streamId = `lat-${s}`;
    appends.push(run.store.append(streamId, versions[s]++, [benchEvent(i)], benchMetadata(streamId)));
    if (appends.length >= 64) await Promise.all(appends.splice(0));
  }
  await Promise.all(appends);
  const achievedRate = total / ((Date.now() - started) / 1000);
  await run.waitFor(total);
  await run.stop();
  return {
    achievedRate,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p99: percentile(run.latencies, 99),
  };
}
