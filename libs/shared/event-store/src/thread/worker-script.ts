import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerScript {
  path: string;
  execArgv: string[];
}

/**
 * Where the worker's code is: next to the service's bundle in a build (webpack emits
 * `event-store-thread.worker.js` beside `main.js`), or this folder's TypeScript when the service runs from source
 * (tests, benches, `npm start` in development), compiled on load as the main thread is.
 */
export function eventStoreWorkerScript(): WorkerScript {
  const bundled = join(__dirname, 'event-store-thread.worker.js');
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return { path: bundled, execArgv: [] };
  return { path: join(__dirname, 'event-store-thread.worker.ts'), execArgv: ['-r', '@swc-node/register'] };
}
