import { createClient } from '@clickhouse/client';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseConfig } from '@credstream/config';
import { toAnalyticsRow } from '@credstream/analytics/domain';
import { ClickHouseEventWriter, ClickHouseMigrator } from '@credstream/analytics/infrastructure';
import {
  bootService,
  BootedService,
  createPrivateInfra,
  freePort,
  launchChromium,
  PrivateInfra,
} from '@credstream/testing';
import { AnalyticsAppModule } from '../app/analytics-app.module';
import { analyticsConfigSchema } from '../config/analytics.config';
import { ANALYTICS_SERVICE } from '../service-description';
import { buildScenario, Scenario, sha256 } from '../testing/analytics-scenario';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'test-artifacts', 'analytics');

interface ChartSummary {
  id: string;
  points: number;
  total: number;
}

/** The dashboards page in headless Debian Chromium: every chart draws real numbers; tables export as CSV. */
describe('analytics dashboards in Chromium', () => {
  let infra: PrivateInfra;
  let service: BootedService;
  let browser: Browser;
  let page: Page;
  let scenario: Scenario;

  beforeAll(async () => {
    infra = await createPrivateInfra('clickhouse');
    await infra.start();
    const url = infra.serviceEnv['CLICKHOUSE_URL'] as string;
    const client = createClient({ url, username: 'credstream', password: 'credstream', database: 'credstream' });
    await new ClickHouseMigrator(client).migrate();
    scenario = buildScenario();
    const rows = scenario.events.map(
      (event, index) => toAnalyticsRow(event, { topic: 't', partition: 0, offset: String(index) }, sha256).row,
    );
    await new ClickHouseEventWriter(client).insert(rows);
    await client.close();
    // The projection is off: the rows are already there, and no Kafka is needed to draw them.
    const env = {
      ...infra.serviceEnv,
      KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
      ANALYTICS_PROJECTION_ENABLED: 'false',
    };
    service = await bootService(ANALYTICS_SERVICE, (logger) =>
      AnalyticsAppModule.register(parseConfig(analyticsConfigSchema, env), logger),
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await infra?.dispose();
  });

  it('serves chart.js from the service itself, never from a CDN', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${service.url}/dashboards`);
    expect(await page.evaluate(() => typeof (globalThis as { Chart?: unknown }).Chart)).toBe('function');
    expect(requests.every((url) => url.startsWith(service.url))).toBe(true);
  }, 60_000);

  it('draws every chart with the tenant’s numbers after the key and filters are entered', async () => {
    await page.goto(`${service.url}/dashboards`);
    await page.fill('input[name=apiKey]', scenario.keyA.token);
    await page.fill('input[name=from]', '2026-01-01');
    await page.fill('input[name=to]', '2026-12-31');
    await page.click('button[type=submit]');
    await page.waitForSelector('body[data-loaded=true]', { timeout: 30_000 });
    const charts = await page.evaluate(() => {
      const Chart = (
        globalThis as unknown as { Chart: { getChart(canvas: unknown): { data: { datasets: { data: unknown[] }[] } } } }
      ).Chart;
      const canvases = Array.from(
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ id: string }> } }
        ).document.querySelectorAll('canvas'),
      );
      return canvases.map((canvas) => {
        const values = Chart.getChart(canvas).data.datasets.flatMap((dataset) => dataset.data.map(Number));
        return {
          id: canvas.id,
          points: values.length,
          total: values.reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0),
        };
      });
    });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboards.png'), fullPage: true });
    const byId = Object.fromEntries(charts.map((chart: ChartSummary) => [chart.id, chart]));
    for (const id of [
      'chart-impact-period',
      'chart-impact-achievement',
      'chart-funnel',
      'chart-reach-channel',
      'chart-reach-country',
      'chart-verifications-outcome',
      'chart-verifications-sector',
      'chart-employability-achievement',
      'chart-skills-demand',
      'chart-mobility-sectors',
    ]) {
      expect(byId[id]).toEqual(expect.objectContaining({ id }));
      expect(byId[id]?.total).toBeGreaterThan(0);
    }
    expect(byId['chart-funnel']?.total).toBe(3 + 2 + 2 + 2 + 3);
    const flows = await page.$$eval('#mobility-sankey path', (paths) =>
      paths.map((path) => path.getAttribute('data-flow')),
    );
    expect(flows.sort()).toEqual(['employment:DE:1', 'employment:NL:1', 'verification:DE:1', 'verification:NL:2']);
  }, 60_000);

  it('exports a table as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('table[data-table="verifications-byOrganisation"] caption button'),
    ]);
    const path = join(ARTIFACTS, 'verifications-byOrganisation.csv');
    await download.saveAs(path);
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toBe('organization,sector,country,verifications,passed,failed,pass_rate');
    expect(csv).toContain('Beta Bank,finance,NL,2,1,1,0.5');
  }, 60_000);
});
