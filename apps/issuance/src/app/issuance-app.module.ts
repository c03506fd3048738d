import { DynamicModule, Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventSourcingModule } from '@credstream/event-store';
import { ConnectionsModule, HealthModule, LoggingModule, MetricsModule } from '@credstream/runtime';
import { AchievementsModule } from '../achievements/achievements.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { IssuanceAccessModule } from '../access/issuance-access.module';
import type { IssuanceConfig } from '../config/issuance.config';
import { IssuancePublicUrlModule } from '../config/issuance-public-url';
import { DidModule } from '../did/did.module';
import { IssuersModule } from '../issuers/issuers.module';
import { KeyVaultModule } from '../issuers/key-vault.module';
import { TenantsModule } from '../tenants/tenants.module';
import { BulkIssuanceModule } from '../bulk-issuance/bulk-issuance.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { IssuingCoreModule } from '../credentials/issuing-core.module';
import { IssuanceRulesModule } from '../issuance-rules/issuance-rules.module';
import { StatusListsModule } from '../status-lists/status-lists.module';
import { IssuingDirectoryModule } from './issuing-directory.module';

/** The service's use cases, one line each; append new feature modules here. */
const featureModules = (config: IssuanceConfig): (DynamicModule | Type)[] => [
  TenantsModule,
  ApiKeysModule,
  IssuersModule.register(config),
  DidModule,
  AchievementsModule,
  IssuingDirectoryModule,
  IssuingCoreModule.register(config),
  CredentialsModule,
  StatusListsModule,
  BulkIssuanceModule.register(config),
  IssuanceRulesModule,
];

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
        EventSourcingModule.forRoot({ collectionPrefix: 'issuance_' }),
        IssuancePublicUrlModule.forRoot(config.ISSUANCE_PUBLIC_URL),
        KeyVaultModule.register(config),
        IssuanceAccessModule.register(config),
        ...featureModules(config),
      ],
    };
  }
}
