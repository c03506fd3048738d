import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import type { VerificationConfig } from '../config/verification.config';
import { VerifyCredentialModule } from '../verify-credential/verify-credential.module';

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
        VerifyCredentialModule.register(config),
      ],
    };
  }
}
