import { Worker } from 'node:worker_threads';
import { PendingReplies, untilWorkerReady, workerScript, type WorkerScript } from '@credstream/runtime/worker-script';
import type { PackedRecords } from './packed-records';
import type { ProjectedRecords } from './project-records';
import type { DecoderReply, DecoderRequest, DecoderWorkerData } from './projection-decoder.protocol';

/**
 * The main thread's side of the projection's decoding thread: `project` hands over one packed batch (its bytes are
 * transferred, not copied) and resolves with its rows. Batches are projected in the order they are handed over.
 * If the thread dies, every batch in it fails and the next `project` starts a fresh thread from the erasure list
 * the caller keeps (the projection then re-packs and retries, or stops).
 */
export class ProjectionDecoderThread {
  private worker: Worker | undefined;
  private readonly replies = new PendingReplies<ProjectedRecords>();
  private readonly script: WorkerScript;

  constructor(
    private readonly erasedHashes: () => string[],
    script?: WorkerScript,
  ) {
    this.script =
      script ?? workerScript({ directory: __dirname, callerFile: __filename, name: 'projection-decoder.worker' });
  }

  /** Starts the thread and resolves once its code is loaded (from source, compiling takes a second or two). */
  async start(): Promise<void> {
    const worker = this.worker ?? this.spawn();
    await untilWorkerReady(
      worker,
      (reply) => (reply as DecoderReply).kind === 'ready',
      'the projection decoding thread',
    );
  }

  project(records: PackedRecords): Promise<ProjectedRecords> {
    const worker = this.worker ?? this.spawn();
    const { id, reply } = this.replies.open();
    try {
      worker.postMessage({ kind: 'project', id, records } satisfies DecoderRequest, [
        records.bytes.buffer as ArrayBuffer,
        records.ends.buffer as ArrayBuffer,
      ]);
    } catch (error) {
      this.replies.reject(id, error as Error);
    }
    return reply;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    // Before terminating: a reply still on its way must not settle a batch the caller was told failed.
    this.replies.rejectAll(new Error('the projection decoding thread was closed'));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script.path, {
      workerData: { erasedHashes: this.erasedHashes() } satisfies DecoderWorkerData,
      execArgv: this.script.execArgv,
      name: 'analytics-projection-decoder',
    });
    this.worker = worker;
    worker.unref();
    worker.on('message', (reply: DecoderReply) => this.onReply(worker, reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the projection decoding thread exited (${code})`)));
    return worker;
  }

  private onReply(worker: Worker, reply: DecoderReply): void {
    if (reply.kind === 'ready' || worker !== this.worker) return;
    if (reply.kind === 'failed') {
      this.replies.reject(reply.id, new Error(`decoding failed: ${reply.error}`));
      return;
    }
    const { id, rows, rowCount, erasures, rejected, typeCounts } = reply;
    this.replies.resolve(id, { rows, rowCount, erasures, rejected, typeCounts });
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.replies.rejectAll(error);
  }
}
