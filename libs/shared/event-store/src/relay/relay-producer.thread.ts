import { Worker } from 'node:worker_threads';
import type { ProducerBatch } from 'kafkajs';
import { PendingReplies, untilWorkerReady, workerScript, type WorkerScript } from '@credstream/runtime/worker-script';
import type { RelayProducer } from './relay-producer';
import type {
  RelayProducerReply,
  RelayProducerRequest,
  RelayProducerThreadSettings,
} from './relay-producer-thread.protocol';

/** A send the producer thread could not complete: kafkajs's error, by name and message. */
export class RelayProducerThreadError extends Error {
  constructor(message: string, name = 'RelayProducerThreadError') {
    super(message);
    this.name = name;
  }
}

/**
 * A relay producer on a worker thread (ADR 4 amendment): `sendBatch` hands the batch (keys, JSON values, headers:
 * plain strings) to the thread, whose kafkajs producer encodes and sends it; it resolves once Kafka acknowledged.
 * Encoding records (a zero-filled buffer per record and header, CRC-32C in JavaScript over every byte, murmur2 per
 * key) was a fifth of the issuance event loop during bulk issuance. If the thread dies, pending sends fail (the
 * relay sends them again) and the owner starts a new producer.
 */
export class RelayProducerThread implements RelayProducer {
  private readonly replies = new PendingReplies<void>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: RelayProducerReply) => this.onReply(reply));
    worker.on('exit', (code) => this.failAll(new RelayProducerThreadError(`relay producer thread exited (${code})`)));
  }

  /** Starts the thread and resolves once its producer is connected to Kafka; rejects if it cannot connect. */
  static async start(settings: RelayProducerThreadSettings, script?: WorkerScript): Promise<RelayProducerThread> {
    const { path, execArgv } =
      script ?? workerScript({ directory: __dirname, callerFile: __filename, name: 'relay-producer.worker' });
    const worker = new Worker(path, { workerData: settings, execArgv, name: `relay-producer:${settings.clientId}` });
    worker.unref();
    await untilWorkerReady(worker, (reply) => (reply as RelayProducerReply).kind === 'ready', 'relay producer thread');
    return new RelayProducerThread(worker);
  }

  sendBatch(batch: ProducerBatch): Promise<void> {
    if (this.closed) return Promise.reject(new RelayProducerThreadError('relay producer thread is closed'));
    const { id, reply } = this.replies.open();
    try {
      this.worker.postMessage({ kind: 'send', id, batch } satisfies RelayProducerRequest);
    } catch (error) {
      this.replies.reject(id, error as Error);
    }
    return reply;
  }

  /** Lets sends already handed over finish, then disconnects the producer and ends the thread. */
  async disconnect(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      this.worker.on('message', (reply: RelayProducerReply) => {
        if (reply.kind !== 'closed') return;
        clearTimeout(timer);
        resolve();
      });
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.worker.postMessage({ kind: 'close' } satisfies RelayProducerRequest);
    await done;
    await this.worker.terminate();
  }

  private onReply(reply: RelayProducerReply): void {
    if (reply.kind !== 'sent' && reply.kind !== 'failed') return;
    if (reply.kind === 'sent') this.replies.resolve(reply.id, undefined);
    else this.replies.reject(reply.id, new RelayProducerThreadError(reply.error.message, reply.error.name));
  }

  private failAll(error: Error): void {
    this.closed = true;
    this.replies.rejectAll(error);
  }
}
