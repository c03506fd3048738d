import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EventEnvelope } from '@credstream/contracts';
import { KafkaEventServer } from '../server/kafka-event.server';
import { KAFKA_BROKERS, KafkaTestBed } from '../testing/kafka-test-bed';
import { openTestDatabase, TestDatabase } from '../testing/test-database';
import { testEvent } from '../testing/test-events';
import { waitUntil } from '../testing/wait-until';
import { countIssuedOnce, issuedCounters } from '../testing/issued-counter.effect';
import type { ApplyOnceResult } from './processed-event.ledger';

jest.setTimeout(120_000);

const REPO_ROOT = join(__dirname, '../../../../..');
const CHILD = join(__dirname, '../testing/fixtures/crash-after-effect.child.ts');

interface Outcome {
  stdout: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

function runCrashingConsumer(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crashing consumer did not crash in time; stderr: ${stderr}`));
    }, 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, signal, code });
    });
  });
}

describe('redelivery after a crash between effect and offset commit', () => {
  let bed: KafkaTestBed;
  let database: TestDatabase;
  let server: KafkaEventServer | undefined;

  beforeEach(async () => {
    bed = await KafkaTestBed.start();
    database = await openTestDatabase();
  });

  afterEach(async () => {
    await server?.close();
    await bed.cleanUp();
    await database.drop();
  });

  it('applies the redelivered event once, and the events after it normally', async () => {
    const topic = await bed.createTopic();
    const groupId = bed.groupId();
    const [crashed, next] = [testEvent(), testEvent()];
    await bed.produceEvents(topic, [crashed, next]);

    const first = await runCrashingConsumer({
      TOPIC: topic,
      GROUP_ID: groupId,
      MONGO_URI: database.uri,
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    });
    expect(first.signal).toBe('SIGKILL');
    expect(first.stdout).toContain(`applied ${crashed.id}\n`);
    expect(await bed.committedOffset(groupId, topic)).toBe(-1);
    const projection = issuedCounters(database.db);
    expect(await projection.findOne({ _id: crashed.aggregateId })).toMatchObject({ issued: 1 });

    const outcomes: [string, ApplyOnceResult][] = [];
    server = new KafkaEventServer({
      kafka: bed.kafka,
      groupId,
      topicOverrides: { 'credential.issued.v1': topic },
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
    });
    server.addHandler(
      'credential.issued.v1',
      async (event: EventEnvelope) => {
        const outcome = await countIssuedOnce(database.db, event, groupId);
        outcomes.push([event.id, outcome]);
      },
      true,
    );
    await new Promise<void>((resolve, reject) =>
      server!.listen((error?: unknown) => (error ? reject(error) : resolve())),
    );

    await waitUntil(() => outcomes.length === 2, 'both events handled by the restarted consumer', 60_000);
    expect(outcomes).toEqual([
      [crashed.id, 'duplicate'],
      [next.id, 'applied'],
    ]);
    expect(await projection.findOne({ _id: crashed.aggregateId })).toEqual({
      _id: crashed.aggregateId,
      issued: 2,
      processed: [`${groupId}:${crashed.id}`, `${groupId}:${next.id}`],
    });
    await waitUntil(async () => (await bed.committedOffset(groupId, topic)) === 2, 'offsets committed');
  });
});
