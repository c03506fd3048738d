import type { ClickHouseClient } from '@clickhouse/client';
import { type ApiKeyDirectory, type ApiKeyRecord, isApiKeyScope } from '@credstream/access';
import { sqlString } from '../clickhouse/sql-literal';

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface KeyRow {
  tenant_id: string;
  key_hash: string;
  key_scopes: string[];
  revoked: number | string;
}

/**
 * API keys as analytics sees them: projected from the tenant topic into `api_key_events` (no MongoDB in this
 * service). Looked-up records are cached briefly; a revocation takes effect within `cacheMs`.
 */
export class ClickHouseApiKeyDirectory implements ApiKeyDirectory {
  private readonly cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();

  constructor(
    private readonly client: ClickHouseClient,
    private readonly cacheMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  async find(keyId: string): Promise<ApiKeyRecord | undefined> {
    if (!KEY_ID.test(keyId)) return undefined;
    const cached = this.cache.get(keyId);
    if (cached && cached.until > this.now()) return cached.record;
    const record = await this.load(keyId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(keyId, { record, until: this.now() + this.cacheMs });
    return record;
  }

  private async load(keyId: string): Promise<ApiKeyRecord | undefined> {
    const result = await this.client.query({
      query: `SELECT anyIf(tenant_id, event_type = 'api-key.created.v1') AS tenant_id,
          anyIf(key_hash, event_type = 'api-key.created.v1') AS key_hash,
          anyIf(key_scopes, event_type = 'api-key.created.v1') AS key_scopes,
          max(event_type = 'api-key.revoked.v1') AS revoked
        FROM api_key_events WHERE key_id = ${sqlString(keyId)} GROUP BY key_id`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<KeyRow>();
    if (!row || row.key_hash === '') return undefined;
    return {
      keyId,
      tenantId: row.tenant_id,
      hash: row.key_hash,
      scopes: row.key_scopes.filter(isApiKeyScope),
      revoked: Number(row.revoked) === 1,
    };
  }
}
