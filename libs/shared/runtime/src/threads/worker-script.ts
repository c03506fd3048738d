import type { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerScript {
  path: string;
  execArgv: string[];
}

export interface WorkerScriptLocation {
  /** The calling module's `__dirname`. */
  directory: string;
  /** The calling module's `__filename`: a `.ts` one means the service runs from source. */
  callerFile: string;
  /** The worker's file name without extension, e.g. `event-store-thread.worker`. */
  name: string;
}

/**
 * Where a worker thread's code is: next to the service's bundle in a build (webpack emits `<name>.js` beside
 * `main.js`, see tools/build/service-webpack.config.cjs), or the caller's folder's TypeScript when the service runs
 * from source (tests, benches, development), compiled on load as the main thread is. A bundle without its worker
 * file refuses to start rather than run without the work the thread does.
 */
export function workerScript({ directory, callerFile, name }: WorkerScriptLocation): WorkerScript {
  if (callerFile.endsWith('.ts')) {
    return { path: join(directory, `${name}.ts`), execArgv: ['-r', '@swc-node/register'] };
  }
  const bundled = join(directory, `${name}.js`);
  if (!existsSync(bundled)) {
    throw new Error(`${bundled} is missing: ship it beside main.js (it is part of the service's build output)`);
  }
  return { path: bundled, execArgv: [] };
}

/**
 * Resolves once the worker posts a message `isReady` accepts (its code loaded, its connections open); rejects if it
 * exits first, naming `what`.
 */
export function untilWorkerReady(worker: Worker, isReady: (message: unknown) => boolean, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isReady(message)) return;
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number) => {
      worker.off('message', onMessage);
      reject(new Error(`${what} exited (${code}) before it was ready`));
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}

/**
 * Requests posted to a worker and waiting for its reply, by request id: `open` gives the id to post and the promise
 * the reply settles; a lost worker rejects them all.
 */
export class PendingReplies<T> {
  private readonly waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  /** A new request: its id, and the promise settled by `resolve`/`reject` with that id (or by `rejectAll`). */
  open(): { id: number; reply: Promise<T> } {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    return { id, reply };
  }

  resolve(id: number, value: T): void {
    this.take(id)?.resolve(value);
  }

  reject(id: number, error: Error): void {
    this.take(id)?.reject(error);
  }

  /** Whether request `id` still waits for its reply. */
  has(id: number): boolean {
    return this.waiting.has(id);
  }

  /** Requests still waiting for their reply. */
  get size(): number {
    return this.waiting.size;
  }

  rejectAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  private take(id: number) {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    return waiting;
  }
}
