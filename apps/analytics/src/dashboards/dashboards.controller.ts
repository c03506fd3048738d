import { Controller, Get, Header, OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dashboardsPage } from './dashboards.page';
import { DASHBOARDS_SCRIPT } from './dashboards.script';

const ASSETS = '/dashboards/assets';

/** chart.js's UMD build from the installed package (resolved from the working directory: webpack keeps it external). */
async function readChartJs(): Promise<string> {
  const resolve = createRequire(join(process.cwd(), 'package.json')).resolve;
  return readFile(join(dirname(resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

/** The dashboards page and its assets; the data comes from /v1/insights with the user's API key. */
@ApiExcludeController()
@Controller('dashboards')
export class DashboardsController implements OnModuleInit {
  private chartJs = '';

  async onModuleInit(): Promise<void> {
    this.chartJs = await readChartJs();
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:")
  page(): string {
    return dashboardsPage(ASSETS);
  }

  @Get('assets/chart.umd.min.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  chart(): string {
    return this.chartJs;
  }

  @Get('assets/dashboards.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return DASHBOARDS_SCRIPT;
  }
}
