import { RespawningWorker } from '@credstream/runtime/respawning-worker';
import { workerScript, type WorkerScript } from '@credstream/runtime/worker-script';
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
  private readonly thread: RespawningWorker<DecoderReply, ProjectedRecords>;

  constructor(erasedHashes: () => string[], script?: WorkerScript) {
    this.thread = new RespawningWorker<DecoderReply, ProjectedRecords>({
      script:
        script ?? workerScript({ directory: __dirname, callerFile: __filename, name: 'projection-decoder.worker' }),
      threadName: 'analytics-projection-decoder',
      what: 'the projection decoding thread',
      workerData: () => ({ erasedHashes: erasedHashes() }) satisfies DecoderWorkerData,
      isReady: (reply) => reply.kind === 'ready',
      settle: (reply) => {
        if (reply.kind === 'ready') return undefined;
        if (reply.kind === 'failed') return { id: reply.id, error: new Error(`decoding failed: ${reply.error}`) };
        const { id, rows, rowCount, erasures, rejected, typeCounts } = reply;
        return { id, result: { rows, rowCount, erasures, rejected, typeCounts } };
      },
    });
  }

  /** Starts the thread and resolves once its code is loaded (from source, compiling takes a second or two). */
  start(): Promise<void> {
    return this.thread.start();
  }

  project(records: PackedRecords): Promise<ProjectedRecords> {
    return this.thread.request((worker, id) =>
      worker.postMessage({ kind: 'project', id, records } satisfies DecoderRequest, [
        records.bytes.buffer as ArrayBuffer,
        records.ends.buffer as ArrayBuffer,
      ]),
    );
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
