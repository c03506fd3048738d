import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventSourcingModule } from '@credstream/event-store';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { SharingConfig } from '../config/sharing.config';
import { SharingFeaturesModule } from './sharing-features.module';

/** Root module of the sharing service: wiring only. */
@Module({})
export class SharingAppModule {
  static register(config: SharingConfig, logger: Logger): DynamicModule {
    return {
      module: SharingAppModule,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'sharing', kafka: config, mongo: config }),
        EventSourcingModule.forRoot({ collectionPrefix: 'sharing_' }),
        HealthModule,
        MetricsModule.forRoot(),
        SharingFeaturesModule.register(config),
      ],
    };
  }
}
