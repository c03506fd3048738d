import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import {
  BitstringStatusList,
  buildStatusListCredential,
  buildStatusListEntry,
  type JwtSignableCredential,
} from '@credstream/open-badges';
import { TOPICS } from '@credstream/contracts';
import { createPrivateInfra, freePort, waitFor, type PrivateInfra } from '@credstream/testing';
import type { Measurement } from '../lib/bench-report';
import { machineCpuSeconds, processCpuSeconds } from '../lib/process-cpu';
import { credentialFor, generateEcKey, signCredential } from './bench-credentials';

const ROOT = join(__dirname, '..', '..');

export interface HttpBenchOptions {
  seconds: number;
  connections: number;
}

interface Stage {
  /** Sent by autocannon, answered or not (the last in flight may still be verified after it stops). */
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  rate: number;
  p50: number;
  p99: number;
}

/** An external did:web issuer on a local server: its DID document and revocation list (fetched once, then cached). */
async function startIssuerHost() {
  const key = generateEcKey();
  const server = createServer((req, res) => {
    const body = routes[req.url ?? ''];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' }).end(body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const did = `did:web:localhost%3A${port}`;
  const kid = `${did}#key-1`;
  const listUrl = `http://localhost:${port}/status/1`;
  const list = BitstringStatusList.create();
  list.set(3);
  const routes: Record<string, () => string> = {
    '/.well-known/did.json': () =>
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: did, publicKeyJwk: key.publicJwk }],
        assertionMethod: [kid],
      }),
    '/status/1': () =>
      signCredential(
        buildStatusListCredential({
          id: listUrl,
          issuer: did,
          statusPurpose: 'revocation',
          encodedList: list.encode(),
          validFrom: '2026-01-01T00:00:00Z',
        }) as unknown as JwtSignableCredential,
        key,
        kid,
      ),
  };
  const tokenFor = (credentialId: string) =>
    signCredential(
      credentialFor(did, credentialId, {
        credentialStatus: buildStatusListEntry({
          statusListCredential: listUrl,
          statusListIndex: 94,
          statusPurpose: 'revocation',
        }),
      }),
      key,
      kid,
    );
  return {
    token: tokenFor('9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c'),
    /** Distinct credentials of the same issuer: a load that no per-token memo helps. */
    distinctTokens: (count: number) => Array.from({ length: count }, () => tokenFor(randomUUID())),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The verification service as production runs it (its main.ts), in its own process. */
async function startService(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_CPU_PROF_DIR=<dir> writes the service's CPU profile there when it stops.
  const profile = process.env['BENCH_CPU_PROF_DIR'];
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'apps/verification/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true',
      VERIFY_RATE_LIMIT: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    () =>
      fetch(`${url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      ),
    (status) => status === 200,
    { what: 'the verification service ready', timeoutMs: 120_000, intervalMs: 500 },
  );
  return { url, child };
}

/** `body`, or each request the next of `bodies` in turn. */
function run(url: string, body: string | string[], seconds: number, connections: number): Promise<Stage> {
  let next = 0;
  const bodies = Array.isArray(body) ? body : undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/verify`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-verifier-organization': 'Bench Co',
          'x-verifier-sector': 'J62',
        },
        body: bodies ? undefined : (body as string),
        requests: bodies
          ? [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }]
          : undefined,
        connections,
        duration: seconds,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          rate: result['2xx'] / (result.duration || seconds),
          p50: result.latency.p50,
          p99: result.latency.p99,
        });
      },
    );
  });
}

/** User and kernel CPU seconds of a process so far (utime, stime), from /proc; zeros off Linux. */
function processCpuSplit(pid: number | undefined): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** Events in the verifications' own event store (one commit per group of verifications). */
async function storedEvents(mongoUri: string): Promise<number> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const commits = connection.collection<{ fromVersion: number; toVersion: number }>('verification_events_commits');
    let events = 0;
    for await (const commit of commits.find({}, { projection: { fromVersion: 1, toVersion: 1 } })) {
      events += commit.toVersion - commit.fromVersion + 1;
    }
    return events;
  } finally {
    await connection.close();
  }
}

async function eventsOnKafka(brokers: string): Promise<number> {
  const admin = new Kafka({ clientId: 'bench-count', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPICS.verificationVerification);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * (b) `POST /verify` over HTTP at `connections` concurrent connections against the service in its own process, on
 * private Kafka and FerretDB; then every verification must be in the event store and on Kafka.
 */
/** Distinct tokens of the second stage: ten times what the service remembers by default. */
const DISTINCT_TOKENS = 10_000;

export async function measureHttpThroughput(options: HttpBenchOptions): Promise<{
  measurements: Measurement[];
  parameters: Record<string, unknown>;
}> {
  const infra: PrivateInfra[] = [await createPrivateInfra('kafka'), await createPrivateInfra('mongo')];
  await Promise.all(infra.map((instance) => instance.start()));
  const env = Object.assign({}, ...infra.map((instance) => instance.serviceEnv)) as Record<string, string>;
  const issuerHost = await startIssuerHost();
  let service: ChildProcess | undefined;
  try {
    const started = await startService(env);
    service = started.child;
    const body = JSON.stringify({ credential: issuerHost.token });
    const first = (await (
      await fetch(`${started.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    ).json()) as { verified: boolean; problemDetails: unknown };
    if (!first.verified)
      throw new Error(`the bench credential does not verify: ${JSON.stringify(first.problemDetails)}`);

    const warmUp = await run(started.url, body, 3, options.connections);
    const cpuBefore = processCpuSeconds(service.pid);
    const splitBefore = processCpuSplit(service.pid);
    const machineBefore = machineCpuSeconds();
    const measured = await run(started.url, body, options.seconds, options.connections);
    const serviceCpu = (processCpuSeconds(service.pid) ?? NaN) - (cpuBefore ?? NaN);
    const splitAfter = processCpuSplit(service.pid);
    const perRequestUs = (seconds: number) => ((seconds / Math.max(1, measured.requests)) * 1e6).toFixed(0);
    const machineAfter = machineCpuSeconds();
    const machineBusy = machineAfter && machineBefore ? machineAfter.busy - machineBefore.busy : NaN;
    // The same issuer's credentials, a different one on every request: what verification costs without the memos.
    const distinctBodies = issuerHost
      .distinctTokens(DISTINCT_TOKENS)
      .map((token) => JSON.stringify({ credential: token }));
    const distinctCpuBefore = processCpuSeconds(service.pid);
    const distinct = await run(started.url, distinctBodies, options.seconds, options.connections);
    const distinctCpu = (processCpuSeconds(service.pid) ?? NaN) - (distinctCpuBefore ?? NaN);
    const answered = 1 + warmUp.ok + measured.ok + distinct.ok;
    const sent = 1 + warmUp.requests + measured.requests + distinct.requests;
    // Stored at once or within the recorder's queue; on Kafka once the relay has caught up.
    const counted = async () => ({
      stored: await storedEvents(env['MONGODB_URI']),
      published: await eventsOnKafka(env['KAFKA_BROKERS']),
    });
    const { stored, published } = await waitFor(counted, (c) => c.stored >= answered && c.published >= c.stored, {
      what: `${answered} credential.verified.v1 events stored and on Kafka`,
      timeoutMs: 120_000,
      intervalMs: 1_000,
    }).catch(counted);
    return {
      parameters: {
        ...options,
        warmUpSeconds: 3,
        body:
          'one ES256 OB 3.0 VC-JWT of an external did:web issuer, the same token on every request; then ' +
          `${DISTINCT_TOKENS} different credentials of that issuer in turn`,
        // Its decoding, schema validation and signature verdict are remembered by its bytes unless this is 0.
        tokenMemoEntries: process.env['VERIFY_TOKEN_MEMO_ENTRIES'] ?? 'service default (1000)',
      },
      measurements: [
        {
          metric: `POST /verify throughput (${options.connections} connections)`,
          value: measured.rate,
          unit: 'verifications/s',
          target: { op: '>=', value: 3_000 },
          note: `${measured.ok} answered 200, ${measured.non2xx} other statuses, ${measured.errors} errors/timeouts`,
        },
        { metric: 'POST /verify latency p50', value: measured.p50, unit: 'ms' },
        {
          metric: 'service CPU per verification',
          value: (serviceCpu / Math.max(1, measured.requests)) * 1e6,
          unit: 'µs',
          note:
            `the service process used ${serviceCpu.toFixed(1)} CPU-s of the machine's ${machineBusy.toFixed(1)} busy ` +
            `CPU-s during the stage; per verification ${perRequestUs(splitAfter.user - splitBefore.user)} µs user, ` +
            `${perRequestUs(splitAfter.system - splitBefore.system)} µs kernel`,
        },
        { metric: 'POST /verify latency p99', value: measured.p99, unit: 'ms', target: { op: '<', value: 50 } },
        {
          metric: `POST /verify throughput, a different credential on each request`,
          value: distinct.rate,
          unit: 'verifications/s',
          note:
            `${DISTINCT_TOKENS.toLocaleString('en-US')} credentials of the same issuer in turn, more than the memos ` +
            `hold: every request decodes, validates and checks its signature; ${distinct.ok} answered 200, ` +
            `${distinct.non2xx + distinct.errors} others`,
        },
        { metric: 'POST /verify latency p99, a different credential on each request', value: distinct.p99, unit: 'ms' },
        {
          metric: 'service CPU per verification, a different credential on each request',
          value: (distinctCpu / Math.max(1, distinct.requests)) * 1e6,
          unit: 'µs',
        },
        {
          metric: 'credential.verified.v1 events stored',
          value: stored,
          unit: 'events',
          target: { op: '>=', value: answered },
          ceiling: { metric: 'verifications answered', value: answered },
          note:
            `${answered} verifications answered 200 (warm-up included), ${sent} completed; every answered one must ` +
            'be stored (one the client gave up on may be too)',
        },
        {
          metric: 'credential.verified.v1 events on Kafka',
          value: published,
          unit: 'events',
          target: { op: '>=', value: answered },
          note: 'the relay published every stored event',
        },
      ],
    };
  } finally {
    service?.kill('SIGTERM');
    await new Promise((resolve) => (service ? service.once('exit', resolve) : resolve(undefined)));
    await issuerHost.close();
    await Promise.all(infra.map((instance) => instance.dispose()));
  }
}
