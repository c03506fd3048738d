/**
 * The provisioned Grafana dashboards (deploy/grafana/dashboards/*.json) run on a real ClickHouse: a private server
 * migrated by the analytics service's own migrations, a few events inserted, and every panel and variable query
 * executed as the read-only analyst user Grafana uses, with Grafana's macros expanded the way the ClickHouse
 * datasource plugin does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { ClickHouseMigrator } from '@credstream/analytics/infrastructure';
import { createPrivateInfra, type PrivateInfra } from '@credstream/testing';
import { parse as parseYaml } from 'yaml';

const GRAFANA = path.resolve(__dirname, '..', '..', 'deploy', 'grafana');
const DASHBOARDS = path.join(GRAFANA, 'dashboards');
const TENANT = 'tenant-dashboards';

interface Target {
  rawSql: string;
  datasource: { uid: string };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: { title: string; datasource: { uid: string }; targets: Target[] }[];
  templating: { list: { name: string; query: string }[] };
}

function dashboards(): [string, Dashboard][] {
  return fs
    .readdirSync(DASHBOARDS)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [file, JSON.parse(fs.readFileSync(path.join(DASHBOARDS, file), 'utf8')) as Dashboard]);
}

/** Expands the macros and variables the dashboards use, as the datasource plugin and Grafana would. */
function expand(sql: string): string {
  return sql
    .replace(
      /\$__timeFilter\(([\w.]+)\)/g,
      "$1 >= toDateTime('2020-01-01 00:00:00') AND $1 <= toDateTime('2099-12-31 23:59:59')",
    )
    .replace(/\$\{tenant\}/g, TENANT);
}

const datasourceUid = (): string =>
  (
    parseYaml(fs.readFileSync(path.join(GRAFANA, 'provisioning', 'datasources', 'clickhouse.yaml'), 'utf8')) as {
      datasources: { uid: string }[];
    }
  ).datasources[0].uid;

describe('Grafana dashboards on ClickHouse', () => {
  let infra: PrivateInfra;
  let writer: ClickHouseClient;
  let analyst: ClickHouseClient;

  beforeAll(async () => {
    infra = await createPrivateInfra('clickhouse');
    await infra.start();
    const url = infra.serviceEnv['CLICKHOUSE_URL'];
    writer = createClient({ url, username: 'credstream', password: 'credstream', database: 'credstream' });
    analyst = createClient({ url, username: 'analyst', password: 'analyst', database: 'credstream' });
    await new ClickHouseMigrator(writer).migrate();
    const base = { tenant_id: TENANT, topic: 'test', payload: '{}' };
    await writer.insert({
      table: 'events',
      format: 'JSONEachRow',
      values: [
        {
          ...base,
          event_id: 'e1',
          event_type: 'credential.issued.v1',
          credential_id: 'c1',
          achievement_id: 'a1',
          recipient_key: 'r1',
          occurred_at: '2026-01-10 10:00:00',
          effective_at: '2026-01-10 10:00:00',
        },
        {
          ...base,
          event_id: 'e2',
          event_type: 'credential.verified.v1',
          credential_id: 'c1',
          verification_id: 'v1',
          verified: 0,
          failure_codes: ['REVOKED'],
          occurred_at: '2026-01-11 10:00:00',
          effective_at: '2026-01-11 10:00:00',
        },
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([writer?.close(), analyst?.close()]);
    await infra?.dispose();
  }, 60_000);

  it('provisions at least the impact, engagement and verifications dashboards, all on the provisioned datasource', () => {
    const all = dashboards();
    expect(all.map(([, d]) => d.uid)).toEqual(
      expect.arrayContaining(['credstream-impact', 'credstream-engagement', 'credstream-verifications']),
    );
    for (const [, dashboard] of all) {
      for (const panel of dashboard.panels) {
        expect(panel.datasource.uid).toBe(datasourceUid());
        expect(panel.targets.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(dashboards())('runs every query of %s as the read-only analyst', async (_file, dashboard) => {
    const queries = [
      ...dashboard.templating.list.map((variable) => ({ title: `variable ${variable.name}`, sql: variable.query })),
      ...dashboard.panels.flatMap((panel) =>
        panel.targets.map((target) => ({ title: panel.title, sql: target.rawSql })),
      ),
    ];
    for (const { title, sql } of queries) {
      const result = await analyst
        .query({ query: expand(sql), format: 'JSONEachRow' })
        .catch((error: Error) => Promise.reject(new Error(`${dashboard.title} / ${title}: ${error.message}`)));
      await result.json();
    }
  });

  it('counts the inserted facts in the panels', async () => {
    const panel = (uid: string, title: string) =>
      dashboards()
        .map(([, d]) => d)
        .find((d) => d.uid === uid)!
        .panels.find((p) => p.title === title)!.targets[0].rawSql;
    const first = async (sql: string) =>
      (await (await analyst.query({ query: expand(sql), format: 'JSONEachRow' })).json<Record<string, unknown>>())[0];

    expect(Number((await first(panel('credstream-impact', 'Issued')))['issued'])).toBe(1);
    expect(Number((await first(panel('credstream-verifications', 'Failed')))['failed'])).toBe(1);
    expect(await first(panel('credstream-verifications', 'Failure reasons'))).toMatchObject({ code: 'REVOKED' });
  });
});
