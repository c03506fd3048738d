import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { freePort, waitFor } from '@credstream/testing';

/**
 * The built services (dist/, as `npm start` runs them) against the real local infrastructure:
 * configuration errors, readiness, and graceful shutdown of the actual process.
 */
const workspaceRoot = join(__dirname, '..', '..');
const SERVICES = ['issuance', 'verification', 'sharing', 'analytics'] as const;
/**
 * Worker threads are separate files of the bundle, each logging a line once it runs: the event relay's Kafka
 * producer (every service with an event store), the event store threads of verification and sharing, and the
 * analytics projection's decoding thread.
 */
const RELAY = { line: 'event relay started', file: 'relay-producer.worker.js' };
const STORE_THREAD = { line: 'event store thread relay started', file: 'event-store-thread.worker.js' };
const WORKERS_STARTED: Record<(typeof SERVICES)[number], { line: string; file: string }[]> = {
  issuance: [RELAY],
  verification: [RELAY, STORE_THREAD],
  sharing: [RELAY, STORE_THREAD],
  analytics: [{ line: 'analytics projection started', file: 'projection-decoder.worker.js' }],
};

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function launch(
  service: string,
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<Exit>; stdout: () => string } {
  const main = join(workspaceRoot, 'dist', 'apps', service, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited, stdout: () => stdout };
}

describe.each(SERVICES)('the built %s service', (service) => {
  it('refuses a malformed variable with one line naming it and exit code 78', async () => {
    const { exited } = launch(service, { PORT: 'not-a-port' });
    const exit = await exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr.trim().split('\n')).toEqual([
      `${service}: invalid configuration: PORT: must be a TCP port number (got "not-a-port")`,
    ]);
    expect(exit.stdout).toBe('');
  });

  it('names a malformed dependency address', async () => {
    const variable = service === 'analytics' ? 'CLICKHOUSE_URL' : 'MONGODB_URI';
    const { exited } = launch(service, { [variable]: 'nowhere' });
    const exit = await exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr).toMatch(new RegExp(`^${service}: invalid configuration: ${variable}: `));
  });

  it('becomes ready, then shuts down gracefully on SIGTERM within its budget', async () => {
    const port = await freePort();
    const { child, exited, stdout } = launch(service, {
      PORT: String(port),
      HOST: '127.0.0.1',
      SHUTDOWN_TIMEOUT_MS: '8000',
    });
    try {
      await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/health/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        { what: `${service} ready`, timeoutMs: 30_000 },
      );
      for (const worker of WORKERS_STARTED[service]) {
        await waitFor(
          async () => stdout(),
          (output) => output.includes(worker.line),
          { what: `${service}'s worker thread (${worker.file} beside main.js)`, timeoutMs: 30_000 },
        );
      }
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(8_000);
    const messages = exit.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; service: string; level: string });
    expect(messages.every((line) => line.service === service)).toBe(true);
    const errors = messages.filter((line) => line.level === 'error' || line.level === 'fatal').map((line) => line.msg);
    expect(errors.filter((msg) => /thread|could not find/.test(msg))).toEqual([]);
    // The bundle and its worker threads produce through our record encoder (ADR 4, session 8 amendment).
    expect(messages.map((line) => line.msg)).not.toContain('kafkajs keeps its own record encoder');
    expect(messages.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'shutting down', 'stopped']));
  }, 60_000);
});

describe('the built issuance service', () => {
  it('ships its VC-JWT signing thread beside main.js, and the file runs as a worker thread', async () => {
    const file = join(workspaceRoot, 'dist', 'apps', 'issuance', 'vc-jwt-signing.worker.js');
    expect(existsSync(file)).toBe(true);
    const worker = new Worker(file);
    try {
      const first = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(first).toEqual({ kind: 'ready' });
    } finally {
      await worker.terminate();
    }
  });
});
