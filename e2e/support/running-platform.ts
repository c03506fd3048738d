import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateInfra, freePort, PrivateInfra, waitFor } from '@credstream/testing';

export const SERVICES = ['issuance', 'verification', 'sharing', 'analytics'] as const;
export type ServiceName = (typeof SERVICES)[number];

const ROOT = join(__dirname, '..', '..');

export interface PlatformOptions {
  /** Extra variables per service (e.g. SMTP settings pointing at the test's mail server). */
  env?: (urls: Record<ServiceName, string>) => Partial<Record<ServiceName, Record<string, string>>>;
  otlpEndpoint?: string;
}

/**
 * The four built services (dist/, as `npm start` runs them) as real processes, on private Kafka,
 * FerretDB and ClickHouse instances, so what the test counts is exactly what it did.
 */
export class RunningPlatform {
  readonly urls = {} as Record<ServiceName, string>;
  private readonly infra: PrivateInfra[] = [];
  private readonly processes = new Map<ServiceName, { child: ChildProcess; output: string[] }>();

  async start(options: PlatformOptions = {}): Promise<void> {
    for (const service of SERVICES) {
      if (!existsSync(mainOf(service))) throw new Error(`${mainOf(service)} is missing: build first (npm run build)`);
      this.urls[service] = `http://127.0.0.1:${await freePort()}`;
    }
    const infraEnv = await this.startInfra();
    const extra = options.env?.(this.urls) ?? {};
    for (const service of SERVICES) {
      const env: Record<string, string> = {
        ...infraEnv,
        MONGODB_URI: `${infraEnv['MONGODB_URI']?.replace(/\/[^/]*$/, '')}/${service}`,
        HOST: '127.0.0.1',
        PORT: new URL(this.urls[service]).port,
        LOG_LEVEL: 'info',
        ...(options.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint } : {}),
        ...extra[service],
      };
      this.launch(service, env);
    }
    await Promise.all(SERVICES.map((service) => this.waitReady(service)));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map(({ child }) => stopProcess(child)));
    await Promise.allSettled(this.infra.map((instance) => instance.dispose()));
  }

  /** The last lines a service logged, for failure messages. */
  logTail(service: ServiceName, lines = 30): string {
    return (this.processes.get(service)?.output ?? []).join('').split('\n').slice(-lines).join('\n');
  }

  private async startInfra(): Promise<Record<string, string>> {
    // One at a time: each takes its free ports just before it binds them.
    for (const component of ['kafka', 'mongo', 'clickhouse'] as const) {
      const instance = await createPrivateInfra(component);
      this.infra.push(instance);
      await instance.start();
    }
    return Object.assign({}, ...this.infra.map((instance) => instance.serviceEnv)) as Record<string, string>;
  }

  private launch(service: ServiceName, env: Record<string, string>): void {
    const child = spawn(process.execPath, [mainOf(service)], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    this.processes.set(service, { child, output });
  }

  private async waitReady(service: ServiceName): Promise<void> {
    const url = `${this.urls[service]}/health/ready`;
    try {
      await waitFor(
        () =>
          fetch(url).then(
            (response) => response.status,
            () => 0,
          ),
        (status) => status === 200,
        { what: `${service} ready`, timeoutMs: 120_000, intervalMs: 500 },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${service} log:\n${this.logTail(service)}`);
    }
  }
}

function mainOf(service: ServiceName): string {
  return join(ROOT, 'dist', 'apps', service, 'main.js');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
