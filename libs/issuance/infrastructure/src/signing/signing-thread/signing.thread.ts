import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SigningKeyAlgorithm } from '@credstream/issuance/application';
import { PendingReplies, untilWorkerReady, workerScript, type WorkerScript } from '@credstream/runtime/worker-script';
import type { SignReply, SignRequest } from './signing-thread.protocol';

/**
 * The main thread's side of the bulk signing thread: `signAll` hands over a batch of payloads and resolves with their
 * compact JWSs, in order, while the main thread goes on with other batches. If the thread dies, its batches fail
 * and the next call starts a fresh one.
 */
export class SigningThread {
  private worker: Worker | undefined;
  private readonly replies = new PendingReplies<string[]>();
  private readonly script: WorkerScript;

  constructor(script?: WorkerScript) {
    this.script =
      script ?? workerScript({ directory: __dirname, callerFile: __filename, name: 'vc-jwt-signing.worker' });
  }

  /** Starts the thread and resolves once its code is loaded (optional: `signAll` starts it too). */
  async start(): Promise<void> {
    await untilWorkerReady(
      this.worker ?? this.spawn(),
      (reply) => (reply as SignReply).kind === 'ready',
      'the VC-JWT signing thread',
    );
  }

  signAll(
    alg: SigningKeyAlgorithm,
    privateKey: KeyObject,
    encodedHeader: string,
    payloads: string[],
  ): Promise<string[]> {
    const worker = this.worker ?? this.spawn();
    const { id, reply } = this.replies.open();
    try {
      worker.postMessage({ kind: 'sign', id, alg, privateKey, encodedHeader, payloads } satisfies SignRequest);
    } catch (error) {
      this.replies.reject(id, error as Error);
    }
    return reply;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.replies.rejectAll(new Error('the VC-JWT signing thread was closed'));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script.path, { execArgv: this.script.execArgv, name: 'issuance-vc-jwt-signing' });
    this.worker = worker;
    // An idle thread must not keep the process alive; batches in flight hold their own promises.
    worker.unref();
    worker.on('message', (reply: SignReply) => this.onReply(worker, reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the VC-JWT signing thread exited (${code})`)));
    return worker;
  }

  private onReply(worker: Worker, reply: SignReply): void {
    if (reply.kind === 'ready' || worker !== this.worker) return;
    if (reply.kind === 'failed') this.replies.reject(reply.id, new Error(`signing failed: ${reply.error}`));
    else this.replies.resolve(reply.id, reply.jwts);
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.replies.rejectAll(error);
  }
}
