import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import {
  API_KEY_GENERATOR,
  CreateApiKeyHandler,
  RevokeApiKeyHandler,
  TENANT_EVENTS_PROJECTOR,
  type ApiKeyGenerator,
  type TenantEventsProjector,
} from '@credstream/issuance/application';
import { ApiKeysController } from './api-keys.controller';

/** POST/GET/DELETE /tenants/me/api-keys. */
@Module({
  controllers: [ApiKeysController],
  providers: [
    {
      provide: CreateApiKeyHandler,
      inject: [EVENT_STORE, API_KEY_GENERATOR, TENANT_EVENTS_PROJECTOR],
      useFactory: (store: EventStore, generator: ApiKeyGenerator, projector: TenantEventsProjector) =>
        new CreateApiKeyHandler(store, generator, projector),
    },
    {
      provide: RevokeApiKeyHandler,
      inject: [EVENT_STORE, TENANT_EVENTS_PROJECTOR],
      useFactory: (store: EventStore, projector: TenantEventsProjector) => new RevokeApiKeyHandler(store, projector),
    },
  ],
})
export class ApiKeysModule {}
