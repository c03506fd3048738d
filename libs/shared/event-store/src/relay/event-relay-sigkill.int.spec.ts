import { contractFor, EventEnvelope } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { MongoEventStore } from '../store/mongo-event-store';
import {
  checkDelivery,
  createTestTopics,
  delay,
  KAFKA_BROKERS,
  openTestDatabase,
  readAll,
  silentLogger,
  TestDatabase,
  TestTopics,
  tenantEvents,
  tenantMetadata,
  testKafka,
  usePrivateMongo,
} from '../testing/event-store-test-env';
import { EventRelay } from './event-relay';
import { createRelayProducer } from './relay-producer';

jest.setTimeout(120_000);
usePrivateMongo();

const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');
const SCRIPT = join(__dirname, '..', 'testing', 'relay-process.script.ts');
const LEASE_TTL_MS = 4_000;

interface RelayChild {
  process: ChildProcess;
  sends: () => number;
  output: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

function spawnRelay(env: Record<string, string>): RelayChild {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { process: child, sends: () => (output.match(/^sent /gm) ?? []).length, output: () => output, exited };
}

describe('EventRelay killed with SIGKILL (FerretDB + Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topics: TestTopics;
  let store: MongoEventStore;
  let child: RelayChild | undefined;
  let successor: EventRelay | undefined;

  beforeEach(async () => {
    db = await openTestDatabase();
    kafka = testKafka();
    topics = await createTestTopics(kafka, 1);
    producer = createRelayProducer(kafka);
    await producer.connect();
    store = new MongoEventStore({ connection: db.connection, collectionPrefix: 'k_' });
    await store.init();
  });

  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    await successor?.stop();
    await producer.disconnect();
    await topics.dispose();
    await db.dispose();
  });

  it('loses nothing and keeps aggregate order when the relay process dies mid-stream', async () => {
    const appended: EventEnvelope[] = [];
    for (let commit = 0; commit < 8; commit++) {
      for (let stream = 0; stream < 4; stream++) {
        appended.push(
          ...(await store.append(`tenant-${stream}`, commit * 2, tenantEvents(2, commit), tenantMetadata())).events,
        );
      }
    }

    child = spawnRelay({
      MONGODB_URI: db.uri,
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
      RELAY_TOPIC: topics.names[0]!,
      RELAY_COLLECTION_PREFIX: 'k_',
      RELAY_OWNER: 'child-relay',
      RELAY_LEASE_TTL_MS: String(LEASE_TTL_MS),
      RELAY_BATCH_SIZE: '3',
      RELAY_PAUSE_AFTER_SEND_MS: '1500',
    });
    const running = child;
    await waitFor(
      async () => running.sends(),
      (sends) => sends >= 3,
      {
        timeoutMs: 60_000,
        intervalMs: 20,
        what: `3 sends by the child relay; output: ${running.output()}`,
      },
    );
    running.process.kill('SIGKILL');
    expect(await running.exited).toBe('SIGKILL');
    successor = new EventRelay({
      connection: db.connection,
      producer,
      logger: silentLogger,
      collectionPrefix: 'k_',
      owner: 'successor',
      topicFor: (event) => (contractFor(event.type) ? topics.names[0] : undefined),
      leaseTtlMs: LEASE_TTL_MS,
    });
    const lagAfterKill = await successor.lag();
    expect(lagAfterKill.commits).toBeGreaterThan(0);
    await successor.start();
    // The dead relay's lease has not expired yet: the successor must wait for it.
    await delay(1_000);
    expect(successor.metrics()).toMatchObject({ published: 0, leaseHeld: false });
    const watcher = successor;
    await waitFor(
      () => watcher.lag(),
      (lag) => lag.commits === 0,
      { timeoutMs: 60_000, what: 'lag 0' },
    );

    const received = await readAll(kafka, topics.names);
    const report = checkDelivery(appended, received);
    console.log(
      `SIGKILL: ${appended.length} events, ${received.length} messages, ${report.duplicates} duplicates; ` +
        `child acknowledged ${running.sends()} sends, ${lagAfterKill.events} events unpublished at the kill`,
    );
    expect(report).toMatchObject({ missing: [], orderViolations: [], unexpected: [] });
    // The kill came right after an acknowledged send that was never marked: that send is repeated.
    expect(report.duplicates).toBeGreaterThan(0);
    expect(received.length).toBe(appended.length + report.duplicates);
  });
});
