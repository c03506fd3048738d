import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const INFRA_SCRIPT = join(__dirname, '..', '..', '..', '..', '..', 'tools', 'infra');

interface LiveInfra {
  component: string;
  infraDir: string;
  env: () => NodeJS.ProcessEnv;
}

const live = new Map<string, LiveInfra>();
let installed = false;

/**
 * Private servers outlive the process that started them unless it disposes of them: a bench stopped with Ctrl-C or
 * `timeout`, or a test worker a runner kills, would leave Kafka, FerretDB or ClickHouse running (and skewing every
 * later measurement). On SIGINT, SIGTERM or SIGHUP, whatever was not disposed is stopped and deleted, then the
 * signal takes its course. Returns the function that forgets the instance once it was disposed.
 */
export function stopOnInterrupt(infra: LiveInfra): () => void {
  live.set(infra.infraDir, infra);
  installOnce();
  return () => void live.delete(infra.infraDir);
}

function installOnce(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      // Our listener is gone: with no other, the signal now ends the process as it would have; other listeners
      // (a service's graceful shutdown) already had it and decide.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function stopAll(): void {
  for (const { component, infraDir, env } of live.values()) {
    spawnSync(INFRA_SCRIPT, ['down', component], { env: env(), stdio: 'ignore', timeout: 60_000 });
    rmSync(infraDir, { recursive: true, force: true });
  }
  live.clear();
}
