import { ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { ClickHouseConfig } from '@credstream/config';
import { ManagedConnection, withTimeout } from './dependency-probe';

const PROBE_TIMEOUT_MS = 3_000;

/** HTTP client for ClickHouse. Readiness runs a real query so that credentials and database are checked too. */
export class ClickHouseConnection implements ManagedConnection {
  readonly name = 'clickhouse';
  readonly client: ClickHouseClient;

  constructor(settings: ClickHouseConfig) {
    this.client = createClient({
      url: settings.CLICKHOUSE_URL,
      username: settings.CLICKHOUSE_USER,
      password: settings.CLICKHOUSE_PASSWORD,
      database: settings.CLICKHOUSE_DATABASE,
      request_timeout: 30_000,
      // Failures surface through readiness and the callers' errors; the client's own console logging is noise.
      log: { level: ClickHouseLogLevel.OFF },
    });
  }

  async check(): Promise<void> {
    const result = await withTimeout(
      this.client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((rows) => rows.json()),
      PROBE_TIMEOUT_MS,
      'clickhouse',
    );
    if (!Array.isArray(result) || result.length !== 1) throw new Error('unexpected answer to SELECT 1');
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
