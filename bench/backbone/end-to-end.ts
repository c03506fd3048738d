import { percentile } from '../lib/bench-report';
import type { BenchEnv } from './bench-env';
import { benchEvents, benchMetadata } from './bench-env';
import { startConsumer } from './consumer-rate';
import { AppendLoad, appendLoad, createRelay, newStore } from './store-and-relay';

async function pipeline(env: BenchEnv, prefix: string) {
  const store = await newStore(env, prefix);
  const topic = await env.newTopic(prefix.replace(/_$/, ''));
  const relay = createRelay(env, store, topic);
  const latencies: number[] = [];
  let handled = 0;
  const consumer = await startConsumer(env, topic, `bench-${prefix}-${env.runId}`, (event) => {
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
export async function measureEndToEndThroughput(env: BenchEnv, prefix: string, load: AppendLoad) {
  const run = await pipeline(env, prefix);
  const started = process.hrtime.bigint();
  await appendLoad(run.store, load, prefix);
  const total = Math.ceil(load.events / load.eventsPerAppend) * load.eventsPerAppend;
  await run.waitFor(total);
  const rate = total / (Number(process.hrtime.bigint() - started) / 1e9);
  await run.stop();
  return rate;
}

/**
 * Appends at a steady `ratePerSecond` events/s (`eventsPerAppend` per append) for `durationSeconds`;
 * latency = handled time - occurredAt (taken at the append).
 */
export async function measureLatencyAtRate(
  env: BenchEnv,
  ratePerSecond: number,
  durationSeconds: number,
  eventsPerAppend: number,
  prefix = 'lat_',
) {
  const run = await pipeline(env, prefix);
  const appends = (ratePerSecond * durationSeconds) / eventsPerAppend;
  const streams = 200;
  const versions = new Array<number>(streams).fill(0);
  const started = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  // Appends to one stream are chained, so a slow one is never overtaken by the next at a stale version.
  const chains: Promise<unknown>[] = new Array<Promise<unknown>>(streams).fill(Promise.resolve());
  for (let i = 0; i < appends; i++) {
    const due = started + (i * 1000 * eventsPerAppend) / ratePerSecond;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const s = i % streams;
    const streamId = `${prefix}${s}`;
    const version = versions[s] ?? 0;
    versions[s] = version + eventsPerAppend;
    const append = (chains[s] ?? Promise.resolve()).then(() =>
      run.store.append(streamId, version, benchEvents(i, eventsPerAppend), benchMetadata(streamId)),
    );
    chains[s] = append;
    inFlight.add(append);
    void append.finally(() => inFlight.delete(append));
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const achievedRate = (appends * eventsPerAppend) / ((Date.now() - started) / 1000);
  await run.waitFor(appends * eventsPerAppend);
  await run.stop();
  return {
    achievedRate,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p99: percentile(run.latencies, 99),
  };
}
