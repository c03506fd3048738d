import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { SharingConfig } from '../config/sharing.config';

/** Root module of the sharing service: wiring only. */
@Module({})
export class SharingAppModule {
  static register(config: SharingConfig, logger: Logger): DynamicModule {
    return {
      module: SharingAppModule,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'sharing', kafka: config, mongo: config }),
        HealthModule,
        MetricsModule.forRoot(),
      ],
    };
  }
}
