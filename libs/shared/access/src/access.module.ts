import { DynamicModule, Global, Module, type Provider, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoConnection, ROOT_LOGGER } from '@credstream/runtime';
import { API_KEY_DIRECTORY, API_KEY_USAGE_RECORDER, type ApiKeyUsageRecorder } from './api-key/api-key-directory.port';
import { ApiKeyAuthenticator } from './authentication/api-key.authenticator';
import { PLATFORM_ADMIN_TOKEN } from './nest/access.tokens';
import { ApiKeyGuard } from './nest/api-key.guard';
import { PlatformAdminGuard } from './nest/platform-admin.guard';
import { ApiKeyProjectionController } from './read-model/api-key-projection.controller';
import { ApiKeyProjection } from './read-model/api-key.projection';
import { MongoApiKeyDirectory } from './read-model/mongo-api-key.directory';

/** The options AccessModule.forRoot was given, for a custom usageRecorder to read. */
export const ACCESS_MODULE_OPTIONS = Symbol.for('credstream.access.AccessModuleOptions');

export interface AccessModuleOptions {
  /** Prefix of the read model's collections, e.g. `verification_` → `verification_access_api_keys`. */
  collectionPrefix: string;
  /** The platform administrator's bootstrap token; without one, @RequirePlatformAdmin routes refuse everyone. */
  platformAdminToken?: string;
  /** Least time between two recorded uses of one key; default 60 000. */
  lastUseIntervalMs?: number;
  /** Records key use somewhere else than the read model's `lastUsedAt` (issuance: in the tenant stream too). */
  usageRecorder?: Type<ApiKeyUsageRecorder>;
  /** Consume the tenant events with the app's consumer group (default true). */
  consumeEvents?: boolean;
}

/**
 * API-key authorisation for a service: the key directory read model (fed by tenant events), the guards behind
 * @RequireScopes / @RequirePlatformAdmin, and @CurrentTenant. Global: import it once in the root module.
 * Needs ConnectionsModule (mongo) and LoggingModule.
 */
@Global()
@Module({})
export class AccessModule {
  static forRoot(options: AccessModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: ACCESS_MODULE_OPTIONS, useValue: options },
      {
        provide: MongoApiKeyDirectory,
        inject: [MongoConnection],
        useFactory: (mongo: MongoConnection) => new MongoApiKeyDirectory(mongo.connection, options.collectionPrefix),
      },
      { provide: API_KEY_DIRECTORY, useExisting: MongoApiKeyDirectory },
      options.usageRecorder
        ? { provide: API_KEY_USAGE_RECORDER, useClass: options.usageRecorder }
        : { provide: API_KEY_USAGE_RECORDER, useExisting: MongoApiKeyDirectory },
      {
        provide: ApiKeyProjection,
        inject: [MongoApiKeyDirectory],
        useFactory: (directory: MongoApiKeyDirectory) => new ApiKeyProjection(directory),
      },
      {
        provide: ApiKeyAuthenticator,
        inject: [MongoApiKeyDirectory, API_KEY_USAGE_RECORDER, ROOT_LOGGER],
        useFactory: (directory: MongoApiKeyDirectory, usage: ApiKeyUsageRecorder, logger: Logger) =>
          new ApiKeyAuthenticator(directory, usage, {
            lastUseIntervalMs: options.lastUseIntervalMs,
            onRecordError: (error) => logger.warn({ err: error }, 'could not record API key use'),
          }),
      },
      { provide: PLATFORM_ADMIN_TOKEN, useValue: options.platformAdminToken },
      ApiKeyGuard,
      PlatformAdminGuard,
    ];
    return {
      module: AccessModule,
      controllers: options.consumeEvents === false ? [] : [ApiKeyProjectionController],
      providers,
      exports: [
        ACCESS_MODULE_OPTIONS,
        MongoApiKeyDirectory,
        API_KEY_DIRECTORY,
        API_KEY_USAGE_RECORDER,
        ApiKeyProjection,
        ApiKeyAuthenticator,
        PLATFORM_ADMIN_TOKEN,
        ApiKeyGuard,
        PlatformAdminGuard,
      ],
    };
  }
}
