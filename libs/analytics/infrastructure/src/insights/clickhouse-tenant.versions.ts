import type { ClickHouseClient } from '@clickhouse/client';
import { isConnectionReset } from '../clickhouse/event-row.writer';
import { sqlString } from '../clickhouse/sql-literal';
import type { TenantVersions } from './cached-insights.reader';

/**
 * The tenant's version in one small query: its change counters (tenant_versions, summed over unmerged parts), the
 * latest programme cost it entered, and the mutations of `events` and `holding_events` (erasures). While a mutation
 * is still being applied the version is unique per read, so nothing is served from memory until the data settled.
 */
export class ClickHouseTenantVersions implements TenantVersions {
  private reads = 0;

  constructor(private readonly client: ClickHouseClient) {}

  async version(tenantId: string): Promise<string> {
    try {
      return await this.read(tenantId);
    } catch (error) {
      // A pooled keep-alive socket the server closed meanwhile: a read is safe to send again, once.
      if (!isConnectionReset(error)) throw error;
      return this.read(tenantId);
    }
  }

  private async read(tenantId: string): Promise<string> {
    const tenant = sqlString(tenantId);
    const result = await this.client.query({
      query: `SELECT
          (SELECT sum(rows) FROM tenant_versions WHERE tenant_id = ${tenant}) AS rows,
          (SELECT sum(ingested_seconds) FROM tenant_versions WHERE tenant_id = ${tenant}) AS seconds,
          (SELECT concat(toString(count()), '/', toString(max(entered_at)))
             FROM programme_costs WHERE tenant_id = ${tenant}) AS costs,
          (SELECT countIf(is_done = 0) FROM system.mutations
             WHERE database = currentDatabase() AND table IN ('events', 'holding_events')) AS mutating,
          (SELECT sum(cityHash64(table, mutation_id)) FROM system.mutations
             WHERE database = currentDatabase() AND table IN ('events', 'holding_events')) AS mutations`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<Record<'rows' | 'seconds' | 'costs' | 'mutating' | 'mutations', string>>();
    if (!row || Number(row.mutating) !== 0) return `unsettled:${(this.reads += 1)}`;
    return `${row.rows}:${row.seconds}:${row.costs}:${row.mutations}`;
  }
}
