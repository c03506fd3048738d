import { Worker } from 'node:worker_threads';
import { PendingReplies, untilWorkerReady, type WorkerScript } from './worker-script';

export interface RespawningWorkerOptions<TReply, TResult> {
  script: WorkerScript;
  /** The thread's name (in profiles and `process.report`). */
  threadName: string;
  /** What the thread is, for errors: "the VC-JWT signing thread". */
  what: string;
  /** The worker data of each new thread. */
  workerData?: () => unknown;
  isReady(reply: TReply): boolean;
  /** The request a reply answers, and its result or error; undefined for a reply that answers none. */
  settle(reply: TReply): { id: number; result: TResult } | { id: number; error: Error } | undefined;
}

/**
 * A worker thread that answers requests by id: `request` posts one and resolves with its reply. If the thread dies,
 * every request in it fails and the next `request` starts a fresh thread. An idle thread does not keep the process
 * alive.
 */
export class RespawningWorker<TReply, TResult> {
  private worker: Worker | undefined;
  private readonly replies = new PendingReplies<TResult>();

  constructor(private readonly options: RespawningWorkerOptions<TReply, TResult>) {}

  /** The thread now running, if any. */
  get running(): Worker | undefined {
    return this.worker;
  }

  /** Starts the thread and resolves once its code is loaded (from source, compiling takes a second or two). */
  async start(): Promise<void> {
    const { isReady, what } = this.options;
    await untilWorkerReady(this.worker ?? this.spawn(), (reply) => isReady(reply as TReply), what);
  }

  /** Posts a request (`post` sends it with the id it is given) and resolves with the reply to that id. */
  request(post: (worker: Worker, id: number) => void): Promise<TResult> {
    const worker = this.worker ?? this.spawn();
    const { id, reply } = this.replies.open();
    try {
      post(worker, id);
    } catch (error) {
      this.replies.reject(id, error as Error);
    }
    return reply;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    // Before terminating: a reply still on its way must not settle a request the caller was told failed.
    this.replies.rejectAll(new Error(`${this.options.what} was closed`));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const { script, threadName, workerData } = this.options;
    const worker = new Worker(script.path, { workerData: workerData?.(), execArgv: script.execArgv, name: threadName });
    this.worker = worker;
    worker.unref();
    worker.on('message', (reply: TReply) => this.onReply(worker, reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`${this.options.what} exited (${code})`)));
    return worker;
  }

  private onReply(worker: Worker, reply: TReply): void {
    if (worker !== this.worker) return;
    const settled = this.options.settle(reply);
    if (settled === undefined) return;
    if ('error' in settled) this.replies.reject(settled.id, settled.error);
    else this.replies.resolve(settled.id, settled.result);
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.replies.rejectAll(error);
  }
}
