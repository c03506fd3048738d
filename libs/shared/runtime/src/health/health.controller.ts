import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DependencyProbe, READINESS_PROBES } from '../connections/dependency-probe';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) private readonly probes: DependencyProbe[],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is running and serving HTTP.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: every dependency of this service answers.' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is down; the body names it.' })
  ready() {
    return this.health.check(this.probes.map((probe) => () => this.probe(probe)));
  }

  private async probe(probe: DependencyProbe) {
    const indicator = this.indicators.check(probe.name);
    try {
      await probe.check();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
