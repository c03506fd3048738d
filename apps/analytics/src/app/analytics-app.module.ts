import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import { ANALYTICS_CONFIG } from '../config/analytics-config.token';
import type { AnalyticsConfig } from '../config/analytics.config';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { InsightsModule } from '../insights/insights.module';
import { ProjectionModule } from '../projection/projection.module';

/** Root module of the analytics service: wiring only. */
@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, logger: Logger): DynamicModule {
    return {
      module: AnalyticsAppModule,
      global: true,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'analytics', kafka: config, clickhouse: config }),
        HealthModule,
        MetricsModule.forRoot(),
        ProjectionModule,
        InsightsModule,
        DashboardsModule,
      ],
      providers: [{ provide: ANALYTICS_CONFIG, useValue: config }],
      exports: [ANALYTICS_CONFIG],
    };
  }
}
