import type { KeyObject } from 'node:crypto';
import type { SigningKeyAlgorithm } from '@credstream/issuance/application';
import { RespawningWorker } from '@credstream/runtime/respawning-worker';
import { workerScript, type WorkerScript } from '@credstream/runtime/worker-script';
import type { SignReply, SignRequest } from './signing-thread.protocol';

/**
 * The main thread's side of the bulk signing thread: `signAll` hands over a batch of payloads and resolves with their
 * compact JWSs, in order, while the main thread goes on with other batches. If the thread dies, its batches fail
 * and the next call starts a fresh one.
 */
export class SigningThread {
  private readonly thread: RespawningWorker<SignReply, string[]>;

  constructor(script?: WorkerScript) {
    this.thread = new RespawningWorker<SignReply, string[]>({
      script: script ?? workerScript({ directory: __dirname, callerFile: __filename, name: 'vc-jwt-signing.worker' }),
      threadName: 'issuance-vc-jwt-signing',
      what: 'the VC-JWT signing thread',
      isReady: (reply) => reply.kind === 'ready',
      settle: (reply) => {
        if (reply.kind === 'ready') return undefined;
        if (reply.kind === 'failed') return { id: reply.id, error: new Error(`signing failed: ${reply.error}`) };
        return { id: reply.id, result: reply.jwts };
      },
    });
  }

  /** Starts the thread and resolves once its code is loaded (optional: `signAll` starts it too). */
  start(): Promise<void> {
    return this.thread.start();
  }

  signAll(
    alg: SigningKeyAlgorithm,
    privateKey: KeyObject,
    encodedHeader: string,
    payloads: string[],
  ): Promise<string[]> {
    return this.thread.request((worker, id) =>
      worker.postMessage({ kind: 'sign', id, alg, privateKey, encodedHeader, payloads } satisfies SignRequest),
    );
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
