import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../free-port';
import { INFRA_SCRIPT, stopOnInterrupt } from './stop-on-interrupt';

const run = promisify(execFile);

export type InfraComponent = 'kafka' | 'mongo' | 'clickhouse';

/** A private instance of one real server, started by tools/infra on free ports, for tests that stop it. */
export interface PrivateInfra {
  /** Service configuration variables pointing at this instance (KAFKA_BROKERS, MONGODB_URI, CLICKHOUSE_URL...). */
  readonly serviceEnv: Record<string, string>;
  /** Its own directory under the system's temp folder (data, logs, pid files), deleted by `dispose`. */
  readonly directory: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>;
}

const PORT_VARIABLES: Record<InfraComponent, string[]> = {
  kafka: ['INFRA_KAFKA_PORT', 'INFRA_KAFKA_CONTROLLER_PORT'],
  // INFRA_MONGO_PG_PORT: the private PostgreSQL cluster FerretDB stores its data in.
  mongo: ['INFRA_MONGO_PORT', 'INFRA_MONGO_DEBUG_PORT', 'INFRA_MONGO_PG_PORT'],
  clickhouse: ['INFRA_CLICKHOUSE_HTTP_PORT', 'INFRA_CLICKHOUSE_TCP_PORT', 'INFRA_CLICKHOUSE_INTERSERVER_PORT'],
};

export async function createPrivateInfra(component: InfraComponent): Promise<PrivateInfra> {
  const infraDir = await mkdtemp(join(tmpdir(), `credstream-${component}-`));
  let ports = await pickPorts(component);
  let started = false;
  const envOf = () => ({ ...process.env, ...ports, INFRA_DIR: infraDir });
  const infra = (command: 'up' | 'down') =>
    run(INFRA_SCRIPT, [command, component], { env: envOf(), maxBuffer: 1 << 20 });
  const forget = stopOnInterrupt({ component, infraDir, env: envOf });
  return {
    get serviceEnv() {
      return serviceEnvFor(component, ports);
    },
    directory: infraDir,
    start: async () => {
      // A restart must keep its ports: services were configured with them.
      if (started) return void (await infra('up'));
      started = true;
      try {
        await infra('up');
      } catch {
        // A busy machine can take a port between our check and the server's bind: once more, on new ports.
        await infra('down').catch(() => undefined);
        ports = await pickPorts(component);
        await infra('up');
      }
    },
    stop: async () => void (await infra('down')),
    dispose: async () => {
      await infra('down');
      await rm(infraDir, { recursive: true, force: true });
      forget();
    },
  };
}

async function pickPorts(component: InfraComponent): Promise<Record<string, string>> {
  const ports: Record<string, string> = {};
  for (const variable of PORT_VARIABLES[component]) ports[variable] = String(await freePort());
  return ports;
}

function serviceEnvFor(component: InfraComponent, ports: Record<string, string>): Record<string, string> {
  switch (component) {
    case 'kafka':
      return { KAFKA_BROKERS: `127.0.0.1:${ports['INFRA_KAFKA_PORT']}` };
    case 'mongo':
      return { MONGODB_URI: `mongodb://127.0.0.1:${ports['INFRA_MONGO_PORT']}/credstream` };
    case 'clickhouse':
      return { CLICKHOUSE_URL: `http://127.0.0.1:${ports['INFRA_CLICKHOUSE_HTTP_PORT']}` };
  }
}
