import { Worker } from 'node:worker_threads';
import type { DomainEvent } from '@credstream/event-sourcing';
import type { Logger } from 'pino';
import { EventStoreThreadError } from '../errors/event-store-thread.error';
import type { AppendMetadata } from '../store/append-metadata';
import type { EventAppender } from '../store/event-appender';
import type { NewStreamEntry } from '../store/event-store';
import type { ExpectedVersion } from '../store/expected-version';
import { EVENTS_PER_PART, partsOf, type PartEntry } from './append-parts';
import type {
  AppendedStream,
  EventStoreThreadSettings,
  ThreadReply,
  ThreadRequest,
  ThreadStatus,
} from './event-store-thread.protocol';
import { PendingReplies, workerScript, type WorkerScript } from '@credstream/runtime/worker-script';

export interface EventStoreThreadOptions {
  /** Wait before a worker that died is started again. Default 1 000 ms. */
  restartDelayMs?: number;
  /** How long `close` waits for the worker to publish and disconnect before it is terminated. Default 10 000 ms. */
  closeTimeoutMs?: number;
  script?: WorkerScript;
}

type AppendRequest = Extract<ThreadRequest, { kind: 'append' | 'append-to-new-streams' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An event store with its own collections and relay, on a worker thread: for facts recorded at a rate that would
 * otherwise take the service's event loop (every page view, every verification). Appends are posted to the worker
 * and answered when stored; the worker's relay publishes them. A worker that dies is restarted; its appends in
 * flight fail (callers keep and retry what they record). See ADR 0010.
 */
export class EventStoreThread implements EventAppender {
  private worker: Worker | undefined;
  private readonly inFlight = new PendingReplies<AppendedStream[]>();
  private state: 'idle' | 'running' | 'closing' | 'closed' = 'idle';
  private lastStatus: ThreadStatus = { storeReady: false, leaseHeld: false, published: 0 };
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly script: WorkerScript;

  constructor(
    private readonly settings: EventStoreThreadSettings,
    private readonly logger: Logger,
    private readonly options: EventStoreThreadOptions = {},
  ) {
    this.script =
      options.script ??
      workerScript({ directory: __dirname, callerFile: __filename, name: 'event-store-thread.worker' });
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.spawn();
  }

  append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendedStream> {
    return this.request({ kind: 'append', streamId, expectedVersion, events, metadata }).then(([stream]) => stream);
  }

  /**
   * A large append (over {@link EVENTS_PER_PART} events) is posted in parts, one per turn of the event loop: cloning
   * thousands of events for the worker in one message would stall the caller's requests for several milliseconds.
   */
  appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<AppendedStream[]> {
    const events = entries.reduce((sum, entry) => sum + entry.events.length, 0);
    if (events <= EVENTS_PER_PART) return this.request({ kind: 'append-to-new-streams', entries, metadata });
    return this.appendInParts(partsOf(entries), metadata);
  }

  /** The worker's last report (every two seconds), and the appends waiting for it. */
  metrics(): ThreadStatus & { inFlight: number } {
    return { ...this.lastStatus, inFlight: this.inFlight.size };
  }

  /** Lets the worker's relay publish what was appended, disconnects, and ends the thread. Idempotent. */
  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'closing') return;
    this.state = 'closing';
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) {
      this.state = 'closed';
      return;
    }
    // Referenced again while it finishes: the process must not exit before the last events are stored.
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const timeout = setTimeout(() => void worker.terminate(), this.options.closeTimeoutMs ?? 10_000);
    worker.postMessage({ kind: 'close' } satisfies ThreadRequest);
    await exited;
    clearTimeout(timeout);
    this.state = 'closed';
  }

  private request(request: DistributiveOmit<AppendRequest, 'id'>): Promise<AppendedStream[]> {
    const worker = this.worker;
    if (this.state !== 'running' || !worker) return Promise.reject(this.notRunning());
    const { id, reply } = this.inFlight.open();
    try {
      worker.postMessage({ ...request, id } as AppendRequest);
    } catch (error) {
      this.inFlight.reject(id, error as Error);
    }
    return reply;
  }

  private appendInParts(parts: PartEntry[][], metadata: Omit<AppendMetadata, 'aggregateId'>) {
    const worker = this.worker;
    if (this.state !== 'running' || !worker) return Promise.reject(this.notRunning());
    const { id, reply } = this.inFlight.open();
    void this.postParts(worker, id, parts, metadata);
    return reply;
  }

  private async postParts(
    worker: Worker,
    id: number,
    parts: PartEntry[][],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<void> {
    for (const part of parts) {
      if (!this.stillPosting(worker, id)) return;
      worker.postMessage({ kind: 'append-part', id, part } satisfies ThreadRequest);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!this.stillPosting(worker, id)) return;
    worker.postMessage({ kind: 'append-parts-done', id, parts: parts.length, metadata } satisfies ThreadRequest);
  }

  /** False once the worker that got the first parts is gone (the append has failed) or the thread is closing. */
  private stillPosting(worker: Worker, id: number): boolean {
    if (!this.inFlight.has(id) || this.worker !== worker) return false;
    if (this.state === 'running') return true;
    this.inFlight.reject(id, this.notRunning());
    return false;
  }

  private notRunning(): EventStoreThreadError {
    return new EventStoreThreadError(this.settings.name, `not running (${this.state})`);
  }

  private spawn(): void {
    const worker = new Worker(this.script.path, {
      workerData: this.settings,
      execArgv: this.script.execArgv,
      name: `event-store-thread:${this.settings.name}`,
    });
    this.worker = worker;
    // A thread its owner forgot to close must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: ThreadReply) => this.onReply(reply));
    worker.on('error', (error) =>
      this.logger.error({ err: error, thread: this.settings.name }, 'event store thread failed'),
    );
    worker.on('exit', (code) => this.onExit(worker, code));
  }

  private onReply(reply: ThreadReply): void {
    switch (reply.kind) {
      case 'appended':
        this.inFlight.resolve(reply.id, reply.streams);
        return;
      case 'failed':
        this.inFlight.reject(
          reply.id,
          new EventStoreThreadError(this.settings.name, reply.error.message, reply.error.name),
        );
        return;
      case 'status':
        this.lastStatus = reply.status;
        return;
      case 'closed':
        return;
      default: {
        const unknown: never = reply;
        throw new Error(`unknown reply ${JSON.stringify(unknown)}`);
      }
    }
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.lastStatus = { ...this.lastStatus, storeReady: false, leaseHeld: false };
    this.inFlight.rejectAll(
      new EventStoreThreadError(this.settings.name, `worker exited (code ${code}) before answering`),
    );
    if (this.state !== 'running') return;
    this.logger.error({ thread: this.settings.name, code }, 'event store thread exited; restarting it');
    this.restartTimer = setTimeout(() => {
      if (this.state === 'running') this.spawn();
    }, this.options.restartDelayMs ?? 1_000);
  }
}
