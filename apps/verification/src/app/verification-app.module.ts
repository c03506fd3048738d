import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventSourcingModule, EventStoreThreadModule } from '@credstream/event-store';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { VerificationConfig } from '../config/verification.config';
import { VERIFICATIONS_STORE, VerifyCredentialModule } from '../verify-credential/verify-credential.module';
import { jsonBodyLimitProvider } from './json-body-limit.provider';

/** Root module of the verification service: wiring only. */
@Module({})
export class VerificationAppModule {
  static register(config: VerificationConfig, logger: Logger): DynamicModule {
    return {
      module: VerificationAppModule,
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({ serviceName: 'verification', kafka: config, mongo: config }),
        HealthModule,
        MetricsModule.forRoot(),
        EventSourcingModule.forRoot({ collectionPrefix: 'verification_' }),
        // Every verification is an event: a store of their own, recorded and relayed on a worker thread (ADR 0010).
        EventStoreThreadModule.forRoot({
          provide: VERIFICATIONS_STORE,
          settings: {
            name: 'verification-events',
            serviceName: 'verification',
            mongoUri: config.MONGODB_URI,
            kafka: config,
            collectionPrefix: 'verification_events_',
            niceness: config.VERIFY_RECORDING_NICENESS,
          },
        }),
        VerifyCredentialModule.register(config),
      ],
      providers: [jsonBodyLimitProvider(config.VERIFY_JSON_BODY_LIMIT_BYTES)],
    };
  }
}
