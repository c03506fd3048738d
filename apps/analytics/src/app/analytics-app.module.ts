import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { AnalyticsConfig } from '../config/analytics.config';

/** Root module of the analytics service: wiring only. */
@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, logger: Logger): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'analytics', kafka: config, clickhouse: config }),
        HealthModule,
        MetricsModule.forRoot(),
      ],
    };
  }
}
