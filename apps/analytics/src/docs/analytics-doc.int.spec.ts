import { createClient, ClickHouseClient } from '@clickhouse/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toAnalyticsRow } from '@credstream/analytics/domain';
import { ClickHouseEventWriter, ClickHouseMigrator } from '@credstream/analytics/infrastructure';
import { createPrivateInfra, PrivateInfra } from '@credstream/testing';
import { buildScenario, sha256 } from '../testing/analytics-scenario';

jest.setTimeout(120_000);

const DOC = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'analytics.md'), 'utf8');
const QUERIES = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => (match[1] as string).trim());

describe('docs/analytics.md example queries', () => {
  let infra: PrivateInfra;
  let writerClient: ClickHouseClient;
  let analyst: ClickHouseClient;

  beforeAll(async () => {
    infra = await createPrivateInfra('clickhouse');
    await infra.start();
    const url = infra.serviceEnv['CLICKHOUSE_URL'];
    writerClient = createClient({ url, username: 'credstream', password: 'credstream', database: 'credstream' });
    analyst = createClient({ url, username: 'analyst', password: 'analyst', database: 'credstream' });
    await new ClickHouseMigrator(writerClient).migrate();
    const rows = buildScenario().events.map(
      (event, index) => toAnalyticsRow(event, { topic: 't', partition: 0, offset: String(index) }, sha256).row,
    );
    await new ClickHouseEventWriter(writerClient).insert([...rows, ...rows]); // duplicates must not matter
  });

  afterAll(async () => {
    await Promise.all([writerClient?.close(), analyst?.close()]);
    await infra?.dispose();
  });

  it('has at least ten of them', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(QUERIES.map((sql, index) => [index + 1, sql] as const))(
    'query %i runs as the read-only analyst',
    async (n, sql) => {
      const rows = await (await analyst.query({ query: sql, format: 'JSONEachRow' })).json<Record<string, unknown>>();
      if (n < QUERIES.length) expect(rows.length).toBeGreaterThan(0);
    },
  );

  it('documents every table and view of the schema, and the analyst cannot write', async () => {
    const tables = await (
      await analyst.query({ query: 'SHOW TABLES', format: 'JSONEachRow' })
    ).json<{ name: string }>();
    for (const { name } of tables) {
      if (!name.endsWith('_mv')) expect(DOC).toContain(`\`${name}\``);
    }
    await expect(
      analyst.command({ query: "INSERT INTO programme_costs VALUES ('t', 'a', 1, 'EUR', now())" }),
    ).rejects.toThrow();
  });

  it('the funnel example counts each credential once despite the duplicate rows', async () => {
    const [funnel] = await (
      await analyst.query({ query: QUERIES[2] as string, format: 'JSONEachRow' })
    ).json<Record<string, string>>();
    expect(funnel).toEqual({ issued: '3', claimed: '2', shared: '2', viewed: '2', verified: '3' });
  });
});
