import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import {
  API_KEY_GENERATOR,
  CreateApiKeyHandler,
  CreateTenantHandler,
  TENANT_EVENTS_PROJECTOR,
  type ApiKeyGenerator,
  type TenantEventsProjector,
} from '@credstream/issuance/application';
import { AdminTenantsController } from './admin-tenants.controller';
import { MyTenantController } from './my-tenant.controller';
import { TenantQueries } from './tenant.queries';

/** POST /admin/tenants (platform admin) and GET /tenants/me. */
@Module({
  controllers: [AdminTenantsController, MyTenantController],
  providers: [
    TenantQueries,
    {
      provide: CreateTenantHandler,
      inject: [EVENT_STORE, API_KEY_GENERATOR, TENANT_EVENTS_PROJECTOR],
      useFactory: (store: EventStore, generator: ApiKeyGenerator, projector: TenantEventsProjector) =>
        new CreateTenantHandler(store, generator, projector),
    },
    {
      provide: CreateApiKeyHandler,
      inject: [EVENT_STORE, API_KEY_GENERATOR, TENANT_EVENTS_PROJECTOR],
      useFactory: (store: EventStore, generator: ApiKeyGenerator, projector: TenantEventsProjector) =>
        new CreateApiKeyHandler(store, generator, projector),
    },
  ],
})
export class TenantsModule {}
