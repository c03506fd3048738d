import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '@credstream/observability';
import { kafkaClientConfig } from '@credstream/runtime/kafka-client';
import { Kafka, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { EventRelay } from '../relay/event-relay';
import { createRelayProducer } from '../relay/relay-producer';
import type { NewStreamEntry } from '../store/event-store';
import { MongoEventStore } from '../store/mongo-event-store';
import { joinParts, type PartEntry } from './append-parts';
import type {
  AppendedStream,
  EventStoreThreadSettings,
  ThreadReply,
  ThreadRequest,
} from './event-store-thread.protocol';

/**
 * The worker side of `EventStoreThread`: its own MongoDB connection, an event store on its own collections, and that
 * store's relay with its own Kafka producer. Everything heavy about recording an event (envelopes, JSON, BSON, the
 * inserts, encoding Kafka records) happens here, off the service's event loop.
 */
const RETRY_DELAY_MS = 1_000;
/** How long an append waits for a store that is still connecting before it is refused (the caller retries). */
const READY_WAIT_MS = 5_000;
const STATUS_INTERVAL_MS = 2_000;
/** On close, how long the relay may keep publishing what the last appends stored before it stops. */
const DRAIN_MS = 3_000;

const port = parentPort;
if (!port) throw new Error('event-store-thread.worker runs as a worker thread only');
const settings = workerData as EventStoreThreadSettings;
const logger = createLogger({ serviceName: settings.serviceName, level: settings.logLevel }).child({
  component: 'event-store-thread',
  thread: settings.name,
});
lowerPriority(settings.niceness ?? 0);
const connection = mongoose.createConnection();
connection.set('bufferCommands', false);
const store = new MongoEventStore({ connection, collectionPrefix: settings.collectionPrefix });
let closing = false;
let storeReady = false;
let producer: Producer | undefined;
let relay: EventRelay | undefined;
const opened = openStore();
const relayStarted = opened.then(startRelay);
const statusTimer = setInterval(postStatus, STATUS_INTERVAL_MS);

/** Parts of large appends, by request id, until their last part arrives. */
const partsReceived = new Map<number, PartEntry[][]>();

port.on('message', (request: ThreadRequest) => void handle(request));

function reply(message: ThreadReply): void {
  port?.postMessage(message);
}

async function handle(request: ThreadRequest): Promise<void> {
  if (request.kind === 'close') return close();
  if (request.kind === 'append-part') {
    const parts = partsReceived.get(request.id) ?? [];
    parts.push(request.part);
    partsReceived.set(request.id, parts);
    return;
  }
  try {
    const append = appendFor(request);
    await untilStoreReady();
    const streams = await append();
    reply({
      kind: 'appended',
      id: request.id,
      streams: streams.map(({ streamId, version }) => ({ streamId, version })),
    });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply({ kind: 'failed', id: request.id, error: { name, message } });
  }
}

type StoreRequest = Exclude<ThreadRequest, { kind: 'close' | 'append-part' }>;

/** The store call a request asks for; a large append's parts are taken at once, before anything is awaited. */
function appendFor(request: StoreRequest): () => Promise<AppendedStream[]> {
  if (request.kind === 'append') {
    return async () => [
      await store.append(request.streamId, request.expectedVersion, request.events, request.metadata),
    ];
  }
  const entries = entriesOf(request);
  return () => store.appendToNewStreams(entries, request.metadata);
}

/** The entries of an append to new streams: as posted, or joined from the parts posted before it. */
function entriesOf(request: Exclude<StoreRequest, { kind: 'append' }>): readonly NewStreamEntry[] {
  if (request.kind === 'append-to-new-streams') return request.entries;
  const parts = partsReceived.get(request.id) ?? [];
  partsReceived.delete(request.id);
  if (parts.length !== request.parts) {
    throw new Error(`append ${request.id} arrived in ${parts.length} of its ${request.parts} parts; nothing stored`);
  }
  return joinParts(parts);
}

async function untilStoreReady(): Promise<void> {
  if (storeReady) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`event store thread ${settings.name} has no MongoDB connection yet`)),
      READY_WAIT_MS,
    );
  });
  try {
    await Promise.race([opened, timeout]);
  } finally {
    clearTimeout(timer);
  }
  if (!storeReady) throw new Error(`event store thread ${settings.name} is closing`);
}

async function openStore(): Promise<void> {
  for (let attempt = 1; !closing; attempt++) {
    try {
      await connection.openUri(settings.mongoUri, { serverSelectionTimeoutMS: 5_000, connectTimeoutMS: 5_000 });
      await store.init();
      storeReady = true;
      postStatus();
      return;
    } catch (error) {
      if (attempt === 1) logger.warn({ err: error }, 'event store thread not connected to MongoDB yet; retrying');
      await sleep(RETRY_DELAY_MS);
    }
  }
}

async function startRelay(): Promise<void> {
  for (let attempt = 1; !closing; attempt++) {
    try {
      producer = createRelayProducer(new Kafka(kafkaClientConfig(settings.kafka, settings.name, logger)));
      await producer.connect();
      relay = new EventRelay({
        connection,
        producer,
        logger,
        collectionPrefix: settings.collectionPrefix,
        notifier: store.notifier,
        ...settings.relayTuning,
      });
      await relay.start();
      logger.info('event store thread relay started');
      return;
    } catch (error) {
      if (attempt === 1) logger.warn({ err: error }, 'event store thread relay not started yet; retrying');
      await producer?.disconnect().catch(() => undefined);
      producer = undefined;
      relay = undefined;
      await sleep(RETRY_DELAY_MS);
    }
  }
}

function postStatus(): void {
  const counters = relay?.metrics();
  reply({
    kind: 'status',
    status: { storeReady, leaseHeld: counters?.leaseHeld ?? false, published: counters?.published ?? 0 },
  });
}

/** Stops the relay once it published what the store holds, then lets the thread end. */
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  clearInterval(statusTimer);
  await relayStarted.catch(() => undefined);
  await publishRemaining();
  await relay?.stop();
  await producer?.disconnect().catch(() => undefined);
  await connection.close(true).catch(() => undefined);
  postStatus();
  reply({ kind: 'closed' });
  port?.close();
}

/** Lets the relay publish the last appends (bounded): another replica or the next start would, but later. */
async function publishRemaining(): Promise<void> {
  if (!relay?.metrics().leaseHeld) return;
  const deadline = Date.now() + DRAIN_MS;
  while (Date.now() < deadline) {
    const lag = await relay.lag().catch(() => undefined);
    if (!lag || lag.commits === 0) return;
    await sleep(50);
  }
  logger.warn('event store thread closed before its relay published everything; the next start publishes the rest');
}

/** Linux applies a nice value given a thread id to that thread alone. Elsewhere, or if refused, nothing changes. */
function lowerPriority(niceness: number): void {
  if (niceness <= 0 || process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, Math.min(19, niceness));
  } catch (error) {
    logger.warn({ err: error, niceness }, 'event store thread priority not lowered');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
