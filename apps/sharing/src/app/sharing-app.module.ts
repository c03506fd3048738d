import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventSourcingModule, EventStoreThreadModule } from '@credstream/event-store';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { SharingConfig } from '../config/sharing.config';
import { SharingFeaturesModule } from './sharing-features.module';
import { VIEWS_STORE } from './sharing.tokens';

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
        // Page views: a store of their own, recorded and relayed on a worker thread (ADR 0010).
        EventStoreThreadModule.forRoot({
          provide: VIEWS_STORE,
          settings: {
            name: 'sharing-views',
            serviceName: 'sharing',
            mongoUri: config.MONGODB_URI,
            kafka: config,
            collectionPrefix: 'sharing_views_',
            niceness: config.VIEW_RECORDING_NICENESS,
          },
        }),
        HealthModule,
        MetricsModule.forRoot(),
        SharingFeaturesModule.register(config),
      ],
    };
  }
}
