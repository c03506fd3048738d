import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccessModule, ApiKeyProjection, generateApiKey } from '@credstream/access';
import {
  API_KEY_GENERATOR,
  TENANT_EVENTS_PROJECTOR,
  type ApiKeyGenerator,
  type TenantEventsProjector,
} from '@credstream/issuance/application';
import { ROOT_LOGGER } from '@credstream/runtime';
import type { AccessConfig } from '../config/issuance.config';
import { DirectoryTenantEventsProjector } from './directory-tenant-events.projector';
import { IssuanceApiKeyUsageRecorder } from './issuance-api-key-usage.recorder';

/**
 * API keys in issuance: the shared AccessModule on issuance's own key directory (`issuance_access_*`), written
 * on the write path and by issuance's consumer of its own tenant events; key generation; last use in the stream.
 */
@Global()
@Module({})
export class IssuanceAccessModule {
  static register(config: AccessConfig): DynamicModule {
    return {
      module: IssuanceAccessModule,
      imports: [
        AccessModule.forRoot({
          collectionPrefix: 'issuance_',
          platformAdminToken: config.PLATFORM_ADMIN_TOKEN,
          lastUseIntervalMs: config.API_KEY_LAST_USE_INTERVAL_MS,
          usageRecorder: IssuanceApiKeyUsageRecorder,
        }),
      ],
      providers: [
        { provide: API_KEY_GENERATOR, useValue: { generate: generateApiKey } satisfies ApiKeyGenerator },
        {
          provide: TENANT_EVENTS_PROJECTOR,
          inject: [ApiKeyProjection, ROOT_LOGGER],
          useFactory: (projection: ApiKeyProjection, logger: Logger): TenantEventsProjector =>
            new DirectoryTenantEventsProjector(projection, logger),
        },
      ],
      exports: [API_KEY_GENERATOR, TENANT_EVENTS_PROJECTOR],
    };
  }
}
