import type { ClickHouseClient } from '@clickhouse/client';
import { MIGRATIONS, MIGRATIONS_TABLE, Migration } from './migrations';

/** Applies the migrations ClickHouse has not recorded yet, in version order. */
export class ClickHouseMigrator {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {}

  /** The versions applied by this call. */
  async migrate(): Promise<number[]> {
    await this.client.command({ query: MIGRATIONS_TABLE });
    const applied = await this.appliedVersions();
    const done: number[] = [];
    for (const migration of [...this.migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await this.client.command({ query: statement });
      await this.client.insert({
        table: 'schema_migrations',
        format: 'JSONEachRow',
        values: [{ version: migration.version, name: migration.name, applied_at: nowText() }],
      });
      done.push(migration.version);
    }
    return done;
  }

  async appliedVersions(): Promise<Set<number>> {
    const result = await this.client.query({
      query: 'SELECT DISTINCT version FROM schema_migrations',
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ version: number | string }>();
    return new Set(rows.map((row) => Number(row.version)));
  }
}

function nowText(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
