import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { IssuanceConfig } from '../config/issuance.config';

/** Root module of the issuance service: wiring only. */
@Module({})
export class IssuanceAppModule {
  static register(config: IssuanceConfig, logger: Logger): DynamicModule {
    return {
      module: IssuanceAppModule,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'issuance', kafka: config, mongo: config }),
        HealthModule,
        MetricsModule.forRoot(),
      ],
    };
  }
}
