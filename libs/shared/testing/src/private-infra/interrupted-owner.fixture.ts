import { createPrivateInfra } from './private-infra';

/**
 * The process the interrupt test signals: starts a private ClickHouse, prints its directory, and waits forever
 * (as a bench does while it measures).
 */
async function main(): Promise<void> {
  const infra = await createPrivateInfra('clickhouse');
  await infra.start();
  process.stdout.write(`ready ${infra.serviceEnv['CLICKHOUSE_URL']} ${infra.directory}\n`);
  setInterval(() => undefined, 60_000);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
