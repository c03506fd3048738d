import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerScript {
  path: string;
  execArgv: string[];
}

/**
 * Where the worker's code is: next to the service's bundle in a build (webpack emits
 * `event-store-thread.worker.js` beside `main.js`), or this folder's TypeScript when the service runs from source
 * (tests, benches, development), compiled on load as the main thread is. A bundle without its worker file refuses
 * to start rather than losing every event it would record.
 */
export function eventStoreWorkerScript(): WorkerScript {
  if (__filename.endsWith('.ts')) {
    return { path: join(__dirname, 'event-store-thread.worker.ts'), execArgv: ['-r', '@swc-node/register'] };
  }
  const bundled = join(__dirname, 'event-store-thread.worker.js');
  if (!existsSync(bundled)) {
    throw new Error(`${bundled} is missing: ship it beside main.js (it is part of the service's build output)`);
  }
  return { path: bundled, execArgv: [] };
}
